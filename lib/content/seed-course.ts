import type { PrismaClient } from "@/lib/generated/prisma/client";
import { toPublicActivity } from "./public-activity";
import type { TCourse } from "./load-course";
import { renderLessonHtml } from "./markdown";

/**
 * Writes the course into the database, keyed by slugs: re-running updates in place and never deletes a
 * lesson or activity that learners have progress on (it only removes rows for content that is gone and
 * has no learner data, and otherwise leaves them).
 */
export async function seedCourse(db: PrismaClient, course: TCourse) {
  const sourceIds = new Map<string, string>();
  for (const { slug, title, publishedAt, body, ...card } of course.sources) {
    const row = await db.source.upsert({
      where: { slug },
      create: { slug, title, publishedAt, body, card },
      update: { title, publishedAt, body, card },
      select: { id: true },
    });
    sourceIds.set(slug, row.id);
  }

  await db.$transaction([
    db.term.deleteMany({ where: { id: { notIn: course.terms.map((t) => t.id) } } }),
    ...course.terms.map((t) =>
      db.term.upsert({
        where: { id: t.id },
        create: { id: t.id, neutral: t.neutral, note: t.note, variants: t.variants },
        update: { neutral: t.neutral, note: t.note, variants: t.variants },
      }),
    ),
  ]);

  for (const m of course.modules) {
    const data = {
      order: m.order,
      title: m.title,
      summary: m.summary,
      timeline: m.timeline,
      keyTerms: m.keyTerms,
      showMap: m.showMap,
    };
    const mod = await db.module.upsert({
      where: { slug: m.slug },
      create: { slug: m.slug, ...data },
      update: data,
      select: { id: true },
    });
    await db.moduleSource.deleteMany({ where: { moduleId: mod.id } });
    await db.moduleSource.createMany({
      data: m.sources.map((slug) => ({ moduleId: mod.id, sourceId: sourceIds.get(slug)! })),
    });

    for (const [order, lesson] of m.lessons.entries()) {
      const lessonData = {
        order,
        title: lesson.title,
        summary: lesson.summary,
        minutes: lesson.minutes,
        body: lesson.body,
        bodyHtml: await renderLessonHtml(lesson.body, course.terms),
      };
      await db.lesson.upsert({
        where: { moduleId_slug: { moduleId: mod.id, slug: lesson.slug } },
        create: { moduleId: mod.id, slug: lesson.slug, ...lessonData },
        update: lessonData,
      });
    }

    for (const [order, activity] of m.activities.entries()) {
      const activityData = {
        moduleId: mod.id,
        order,
        kind: activity.kind === "quiz" ? ("QUIZ" as const) : ("EXERCISE" as const),
        title: activity.title,
        definition: activity,
        publicDefinition: toPublicActivity(activity),
      };
      await db.activity.upsert({
        where: { slug: activity.slug },
        create: { slug: activity.slug, ...activityData },
        update: activityData,
      });
    }
  }
}
