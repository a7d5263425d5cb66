import "server-only";
import { db, replica, type TReadClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TTerm, TTimelineEvent } from "@/lib/content/schemas";
import { getActivityDefinition } from "@/lib/content/activity-cache";
import { contentReader } from "@/lib/content/reader";
import { visible } from "@/lib/content/visibility";
import { computeMastery, weakestSkill, type TMasterySkill } from "./mastery";
import type { TLessonRef } from "./schemas";
import { bestAttempt } from "./scores";
import { feedbackFor, type TFeedback } from "@/lib/assignments/feedback-policy";

/**
 * The course overview for /learn: modules with this learner's progress, mastery, and where to resume.
 * NOTE: the course's outline may come from a replica (`contentReader`); the learner's progress, attempts
 * and withheld feedback always come from the primary, so what they just did is never missing.
 */
export async function getCourseOverview(user: TCurrentUser) {
  const shown = visible(user);
  const content = contentReader(user);
  const [modules, progress, allAttempts, open, lastVisit, feedback] = await Promise.all([
    content.module.findMany({
      where: shown.module,
      orderBy: { order: "asc" },
      select: {
        id: true,
        slug: true,
        title: true,
        summary: true,
        status: true,
        lessons: { where: shown.child, orderBy: { order: "asc" }, select: { id: true, slug: true, title: true, status: true } },
        activities: { where: shown.child, orderBy: { order: "asc" }, select: { id: true, slug: true, title: true, kind: true, status: true } },
      },
    }),
    db.lessonProgress.findMany({ where: { userId: user.id, completedAt: { not: null } }, select: { lessonId: true } }),
    getAttemptSummaries(user.id),
    getOpenAttempts(user.id),
    db.lessonProgress.findFirst({
      where: { userId: user.id, lesson: shown.inModule },
      orderBy: { lastVisitedAt: "desc" },
      select: { lesson: { select: { slug: true, title: true, module: { select: { slug: true } } } } },
    }),
    feedbackFor(user),
  ]);
  // Withheld scores count nowhere: not in "best", not in mastery, not in what to do next.
  const attempts = {
    scores: allAttempts.scores.filter((a) => !feedback.withheld(a.activityId)),
    latest: allAttempts.latest.filter((a) => !feedback.withheld(a.activityId)),
  };
  const done = new Set(progress.map((p) => p.lessonId));
  const best = bestScoresByActivity(attempts.scores);
  const mastery = computeMastery(attempts.latest);
  const focus = weakestSkill(mastery);
  // That an attempt was handed in is no score: it is said even where the score is withheld.
  const submittedIds = new Set(allAttempts.scores.map((a) => a.activityId));
  const practice = focus ? await activitiesPractising(content, focus) : [];
  // Prefer an activity the learner has not done yet; otherwise retake the first one.
  const next = practice.find((a) => !submittedIds.has(a.id)) ?? practice[0] ?? null;
  return {
    nextStep: focus && next ? { skill: focus, href: `/learn/${next.moduleSlug}/activities/${next.slug}`, title: next.title } : null,
    resume: lastVisit?.lesson ?? null,
    mastery,
    modules: modules.map((m) => ({
      ...m,
      lessonsDone: m.lessons.filter((l) => done.has(l.id)).length,
      lessons: m.lessons.map((l) => ({ ...l, done: done.has(l.id) })),
      activities: m.activities.map((a) => ({
        ...a,
        best: best.get(a.id) ?? null,
        submitted: submittedIds.has(a.id),
        scoreWithheld: !!feedback.withheld(a.id),
        inProgress: open.get(a.id) ?? null,
      })),
    })),
  };
}

/** Published activities with at least one question on `skill`, in course order. */
async function activitiesPractising(content: TReadClient, skill: TMasterySkill) {
  return content.$queryRaw<{ id: string; slug: string; title: string; moduleSlug: string }[]>`
    SELECT a."id", a."slug", a."title", m."slug" AS "moduleSlug"
    FROM "Activity" a JOIN "Module" m ON m."id" = a."moduleId"
    WHERE a."status" = 'PUBLISHED' AND m."status" = 'PUBLISHED'
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(a."publicDefinition"->'questions') q WHERE q->>'skill' = ${skill})
    ORDER BY m."order", a."order"`;
}

/**
 * The learner's submitted attempts: every attempt's score (for "best"), and the latest attempt of each
 * activity with its per-question results and the activity's definition (for mastery per skill).
 */
async function getAttemptSummaries(userId: string) {
  const [scores, latestRows] = await Promise.all([
    db.attempt.findMany({ where: { userId, status: "SUBMITTED" }, select: { activityId: true, score: true, maxScore: true } }),
    db.attempt.findMany({
      where: { userId, status: "SUBMITTED" },
      orderBy: [{ activityId: "asc" }, { submittedAt: "desc" }],
      distinct: ["activityId"],
      select: { activityId: true, activityVersion: true, result: true },
    }),
  ]);
  const latest = await Promise.all(
    latestRows.map(async ({ activityVersion, ...a }) => ({
      ...a,
      activity: { definition: await getActivityDefinition(a.activityId, activityVersion) },
    })),
  );
  return { scores, latest };
}

/** The learner's attempts not yet submitted, by activity: how many of the questions have a saved answer. */
async function getOpenAttempts(userId: string) {
  const rows = await db.attempt.findMany({
    where: { userId, status: "IN_PROGRESS" },
    select: { activityId: true, activityVersion: true, _count: { select: { answers: true } } },
  });
  const open = await Promise.all(
    rows.map(async (a) => {
      const definition = await getActivityDefinition(a.activityId, a.activityVersion);
      return [a.activityId, { answered: a._count.answers, total: definition?.questions.length ?? null }] as const;
    }),
  );
  return new Map(open);
}

function bestScoresByActivity(scores: Awaited<ReturnType<typeof getAttemptSummaries>>["scores"]) {
  const byActivity = new Map<string, typeof scores>();
  for (const a of scores) byActivity.set(a.activityId, [...(byActivity.get(a.activityId) ?? []), a]);
  return new Map([...byActivity].map(([id, list]) => [id, bestAttempt(list)!]));
}

/**
 * A module page: lessons with done marks, activities with best scores (as `feedbackFor` allows), sources, timeline.
 * NOTE: on the primary: the learner's own progress and attempts are read in the same query as the content.
 */
export async function getModuleForLearner(user: TCurrentUser, moduleSlug: string) {
  const shown = visible(user);
  const mod = await db.module.findUnique({
    where: { slug: moduleSlug, ...shown.module },
    select: {
      id: true,
      status: true,
      slug: true,
      order: true,
      title: true,
      summary: true,
      timeline: true,
      keyTerms: true,
      showMap: true,
      lessons: {
        where: shown.child,
        orderBy: { order: "asc" },
        select: {
          id: true,
          slug: true,
          title: true,
          summary: true,
          minutes: true,
          status: true,
          progress: { where: { userId: user.id }, select: { completedAt: true } },
        },
      },
      activities: {
        where: shown.child,
        orderBy: { order: "asc" },
        select: {
          id: true,
          slug: true,
          title: true,
          kind: true,
          status: true,
          attempts: {
            where: { userId: user.id },
            orderBy: { number: "desc" },
            select: { status: true, score: true, maxScore: true },
          },
        },
      },
      sources: { where: { source: shown.source }, select: { source: { select: { slug: true, title: true, card: true, publishedAt: true } } } },
    },
  });
  if (!mod) throw new AppError("NOT_FOUND", "No such module.");
  const feedback = await feedbackFor(user, { activityIds: mod.activities.map((a) => a.id) });
  return {
    ...mod,
    activities: mod.activities.map(({ attempts, ...a }) => activityProgress(feedback, a, attempts)),
    timeline: mod.timeline as TTimelineEvent[],
    keyTerms: mod.keyTerms as { term: string; definition: string }[],
    lessons: mod.lessons.map(({ progress, ...l }) => ({ ...l, done: !!progress[0]?.completedAt })),
    sources: mod.sources.map((s) => s.source),
  };
}

/**
 * How an activity stands for a learner, as the module page lists it: their best score (null while
 * withheld, or before any submission), whether they handed one in, and whether one is open.
 */
function activityProgress<T extends { id: string }>(
  feedback: TFeedback,
  activity: T,
  attempts: readonly { status: string; score: number | null; maxScore: number | null }[],
) {
  const submitted = attempts.filter((t) => t.status === "SUBMITTED");
  const best = bestAttempt(feedback.scores(activity.id, submitted));
  return {
    ...activity,
    best: best && best.score !== null ? { score: best.score, maxScore: best.maxScore } : null,
    submitted: submitted.length > 0,
    scoreWithheld: !!feedback.withheld(activity.id),
    inProgress: attempts.some((t) => t.status === "IN_PROGRESS"),
  };
}

/**
 * A published lesson's content with its neighbours and the module's sources: the same for every learner,
 * so the lesson page can be cached. The learner's own progress comes from `getLessonProgress`.
 * `preview` (admins only, never cached) includes drafts.
 */
export async function getLessonContent(moduleSlug: string, lessonSlug: string, preview = false) {
  const reader = preview ? { role: "ADMIN" as const } : null;
  const shown = visible(reader);
  const lesson = await contentReader(reader).lesson.findFirst({
    // NOTE: AND, not a spread: `inModule` has a `module` key of its own, which would replace the slug's.
    where: { AND: [{ slug: lessonSlug, module: { slug: moduleSlug } }, shown.inModule] },
    select: {
      slug: true,
      order: true,
      title: true,
      summary: true,
      minutes: true,
      bodyHtml: true,
      module: {
        select: {
          slug: true,
          title: true,
          lessons: { where: shown.child, orderBy: { order: "asc" }, select: { slug: true, title: true } },
          activities: { where: shown.child, orderBy: { order: "asc" }, select: { slug: true, title: true }, take: 1 },
          sources: { where: { source: shown.source }, select: { source: { select: { slug: true, title: true } } } },
        },
      },
    },
  });
  if (!lesson) throw new AppError("NOT_FOUND", "No such lesson.");
  const { module, ...rest } = lesson;
  const i = module.lessons.findIndex((l) => l.slug === lesson.slug);
  return {
    ...rest,
    module: { slug: module.slug, title: module.title, lessonCount: module.lessons.length },
    previous: module.lessons[i - 1] ?? null,
    next: module.lessons[i + 1] ?? null,
    firstActivity: module.activities[0] ?? null,
    sources: module.sources.map((s) => s.source),
  };
}

/** The caller's own progress on a lesson: completed or not, and how far they had read. On the primary: it was just saved. */
export async function getLessonProgress(user: TCurrentUser, lesson: TLessonRef) {
  const row = await db.lessonProgress.findFirst({
    where: { userId: user.id, lesson: { slug: lesson.lessonSlug, module: { slug: lesson.moduleSlug } } },
    select: { completedAt: true, position: true },
  });
  return { completed: !!row?.completedAt, position: row?.position ?? 0 };
}

/** A source with its provenance card and the lessons of the modules that use it. */
export async function getSourceForLearner(user: TCurrentUser, slug: string) {
  const shown = visible(user);
  const source = await contentReader(user).source.findUnique({
    where: { slug, ...shown.source },
    select: {
      slug: true,
      status: true,
      title: true,
      publishedAt: true,
      card: true,
      body: true,
      modules: {
        where: { module: shown.module },
        select: {
          module: {
            select: { slug: true, title: true, order: true, lessons: { where: shown.child, orderBy: { order: "asc" }, select: { slug: true, title: true } } },
          },
        },
      },
    },
  });
  if (!source) throw new AppError("NOT_FOUND", "No such source.");
  return { ...source, modules: source.modules.map((m) => m.module).sort((a, b) => a.order - b.order) };
}

/** Every source's card the caller may see, for the sources index. */
export async function listSources(user: TCurrentUser) {
  return contentReader(user).source.findMany({
    where: visible(user).source,
    orderBy: { publishedAt: "asc" },
    select: { slug: true, title: true, publishedAt: true, card: true, status: true },
  });
}

/** The contested terms, for the lens. Only a course import changes them: read from a replica. */
export async function getTerms(): Promise<TTerm[]> {
  const rows = await replica().term.findMany({ select: { id: true, neutral: true, note: true, variants: true } });
  return rows.map((r) => ({ ...r, variants: r.variants as TTerm["variants"] }));
}
