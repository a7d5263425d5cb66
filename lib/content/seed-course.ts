import { isDeepStrictEqual } from "node:util";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { toPublicActivity } from "./public-activity";
import type { TCourse } from "./load-course";
import type { TActivity } from "./activity-schema";
import { renderLessonHtml } from "./markdown";

type TDb = PrismaClient | Prisma.TransactionClient;
/** Who the new activity versions are credited to. */
export type TContentAuthor = { id: string | null; name: string; note: string };

const INSTALL: TContentAuthor = { id: null, name: "Course import", note: "Imported from content/" };
const STATUS = { published: "PUBLISHED", draft: "DRAFT" } as const;

/** The activity as stored: its status lives in the Activity row, not in the versioned definition. */
export function storedDefinition(activity: TActivity): TActivity {
  const { status: _status, ...definition } = activity;
  return definition;
}

/**
 * Writes the course into the database, keyed by slugs: re-running updates in place and never deletes a
 * lesson or activity that learners have progress on. An activity whose definition changed gets a new
 * version (earlier attempts keep theirs); an unchanged one is left alone. Used for the first install,
 * for `npm run content -- import` and for the admin's import.
 */
export async function seedCourse(db: TDb, course: TCourse, author: TContentAuthor = INSTALL) {
  const sourceIds = new Map<string, string>();
  for (const { slug, title, publishedAt, body, status, ...card } of course.sources) {
    const row = await db.source.upsert({
      where: { slug },
      create: { slug, title, publishedAt, body, card, status: STATUS[status] },
      update: { title, publishedAt, body, card, status: STATUS[status] },
      select: { id: true },
    });
    sourceIds.set(slug, row.id);
  }

  await db.term.deleteMany({ where: { id: { notIn: course.terms.map((t) => t.id) } } });
  for (const [position, t] of course.terms.entries()) {
    await db.term.upsert({
      where: { id: t.id },
      create: { id: t.id, position, neutral: t.neutral, note: t.note, variants: t.variants },
      update: { position, neutral: t.neutral, note: t.note, variants: t.variants },
    });
  }

  for (const m of course.modules) {
    const data = {
      order: m.order,
      title: m.title,
      summary: m.summary,
      timeline: m.timeline,
      keyTerms: m.keyTerms,
      showMap: m.showMap,
      status: STATUS[m.status],
    };
    const mod = await db.module.upsert({
      where: { slug: m.slug },
      create: { slug: m.slug, ...data },
      update: data,
      select: { id: true },
    });
    await db.moduleSource.deleteMany({ where: { moduleId: mod.id } });
    await db.moduleSource.createMany({
      data: m.sources.map((slug, position) => ({ moduleId: mod.id, sourceId: sourceIds.get(slug)!, position })),
    });

    for (const [order, lesson] of m.lessons.entries()) {
      const lessonData = {
        order,
        title: lesson.title,
        summary: lesson.summary,
        minutes: lesson.minutes,
        body: lesson.body,
        bodyHtml: await renderLessonHtml(lesson.body, course.terms),
        status: STATUS[lesson.status],
      };
      await db.lesson.upsert({
        where: { moduleId_slug: { moduleId: mod.id, slug: lesson.slug } },
        create: { moduleId: mod.id, slug: lesson.slug, ...lessonData },
        update: lessonData,
      });
    }

    for (const [order, activity] of m.activities.entries()) {
      await writeActivity(db, { moduleId: mod.id, order, activity, status: STATUS[activity.status ?? "published"] }, author);
    }
  }
}

/**
 * Creates or updates one activity. A changed definition becomes a new version; the attempts already made
 * keep the version they were started on. Returns the activity's id and current version.
 */
export async function writeActivity(
  db: TDb,
  input: { moduleId: string; order: number; activity: TActivity; status: "DRAFT" | "PUBLISHED" },
  author: TContentAuthor,
) {
  const definition = storedDefinition(input.activity);
  const publicDefinition = toPublicActivity(definition);
  const row = {
    moduleId: input.moduleId,
    order: input.order,
    kind: definition.kind === "quiz" ? ("QUIZ" as const) : ("EXERCISE" as const),
    title: definition.title,
    status: input.status,
  };
  const version = { title: definition.title, definition, publicDefinition, createdById: author.id, createdByName: author.name, note: author.note };

  const existing = await db.activity.findUnique({
    where: { slug: definition.slug },
    select: { id: true, version: true, definition: true },
  });
  if (!existing) {
    const created = await db.activity.create({
      data: { slug: definition.slug, ...row, definition, publicDefinition, version: 1, versions: { create: { version: 1, ...version } } },
      select: { id: true, version: true },
    });
    return { ...created, changed: true };
  }
  if (isDeepStrictEqual(existing.definition, JSON.parse(JSON.stringify(definition)))) {
    await db.activity.update({ where: { id: existing.id }, data: row });
    return { id: existing.id, version: existing.version, changed: false };
  }
  const next = existing.version + 1;
  await db.activityVersion.create({ data: { activityId: existing.id, version: next, ...version } });
  await db.activity.update({ where: { id: existing.id }, data: { ...row, definition, publicDefinition, version: next } });
  return { id: existing.id, version: next, changed: true };
}
