import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TActivity } from "@/lib/content/activity-schema";
import type { TSource } from "@/lib/content/schemas";
import { assertAdmin } from "./access";
import { activityToYaml } from "./activity-yaml";
import { formatAuthors, type TSourceForm } from "./source-form";

type TCard = Omit<TSource, "slug" | "title" | "publishedAt" | "body" | "status">;

/** Everything an admin manages, with its status: modules with lessons and activities, and the sources. */
export async function getContentOverview(actor: TCurrentUser) {
  assertAdmin(actor);
  const [modules, sources] = await Promise.all([
    db.module.findMany({
      orderBy: { order: "asc" },
      select: {
        slug: true,
        title: true,
        status: true,
        order: true,
        lessons: { orderBy: { order: "asc" }, select: { id: true, slug: true, title: true, status: true } },
        activities: {
          orderBy: { order: "asc" },
          select: { slug: true, title: true, kind: true, status: true, version: true, _count: { select: { attempts: true } } },
        },
      },
    }),
    db.source.findMany({ orderBy: { publishedAt: "asc" }, select: { slug: true, title: true, status: true, publishedAt: true, card: true } }),
  ]);
  return {
    modules,
    sources: sources.map(({ card, ...s }) => ({ ...s, outlet: (card as TCard).outlet.name, genre: (card as TCard).genre })),
  };
}

/** A source as its edit form shows it, with the activities that quote it and how many attempts use them. */
export async function getSourceForEdit(actor: TCurrentUser, slug: string) {
  assertAdmin(actor);
  const row = await db.source.findUnique({ where: { slug }, select: { slug: true, title: true, publishedAt: true, card: true, body: true, status: true, updatedAt: true } });
  if (!row) throw new AppError("NOT_FOUND", "No such source.");
  const card = row.card as TCard;
  const form: TSourceForm = {
    slug: row.slug,
    title: row.title,
    authors: formatAuthors(card.authors),
    bylineNote: card.bylineNote ?? "",
    outletName: card.outlet.name,
    outletKind: card.outlet.kind,
    outletUrl: card.outlet.url ?? "",
    publishedAt: row.publishedAt,
    dateNote: card.dateNote ?? "",
    url: card.url ?? "",
    urlNote: card.urlNote ?? "",
    genre: card.genre,
    stanceStatement: card.stanceStatement ?? "",
    voice: card.voice,
    voiceNote: card.voiceNote ?? "",
    rights: card.rights,
    body: row.body,
  };
  const usedBy = await db.$queryRaw<{ slug: string; title: string; status: string; moduleSlug: string; attempts: number }[]>`
    SELECT a."slug", a."title", a."status"::text AS "status", m."slug" AS "moduleSlug",
           (SELECT count(*)::int FROM "Attempt" t JOIN "User" u ON u."id" = t."userId"
             WHERE t."activityId" = a."id" AND u."role" <> 'ADMIN') AS "attempts"
    FROM "Activity" a JOIN "Module" m ON m."id" = a."moduleId"
    WHERE a."definition"->'sources' ? ${slug}
    ORDER BY m."order", a."order"`;
  return { slug: row.slug, title: row.title, body: row.body, status: row.status, updatedAt: row.updatedAt.toISOString(), form, usedBy };
}

/** The modules and their activities, for choosing where new questions go. */
export async function listModulesWithActivities(actor: TCurrentUser) {
  assertAdmin(actor);
  return db.module.findMany({
    orderBy: { order: "asc" },
    select: { slug: true, title: true, status: true, activities: { orderBy: { order: "asc" }, select: { slug: true, title: true } } },
  });
}

export async function getLessonForEdit(actor: TCurrentUser, lessonId: string) {
  assertAdmin(actor);
  const lesson = await db.lesson.findUnique({
    where: { id: lessonId },
    select: { id: true, slug: true, title: true, summary: true, minutes: true, body: true, status: true, updatedAt: true, module: { select: { slug: true, title: true } } },
  });
  if (!lesson) throw new AppError("NOT_FOUND", "No such lesson.");
  return lesson;
}

export async function getModuleForEdit(actor: TCurrentUser, slug: string) {
  assertAdmin(actor);
  const [mod, sources] = await Promise.all([
    db.module.findUnique({
      where: { slug },
      select: { slug: true, title: true, summary: true, timeline: true, keyTerms: true, showMap: true, status: true, sources: { select: { source: { select: { slug: true } } } } },
    }),
    db.source.findMany({ orderBy: { publishedAt: "asc" }, select: { slug: true, title: true, status: true } }),
  ]);
  if (!mod) throw new AppError("NOT_FOUND", "No such module.");
  return { ...mod, sources: mod.sources.map((s) => s.source.slug), allSources: sources };
}

/** An activity's YAML and its version history: who saved each version, why, and how many attempts use it. */
export async function getActivityForEdit(actor: TCurrentUser, slug: string) {
  assertAdmin(actor);
  const activity = await db.activity.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      version: true,
      definition: true,
      module: { select: { slug: true, title: true } },
      versions: { orderBy: { version: "desc" }, select: { version: true, title: true, createdByName: true, note: true, createdAt: true } },
    },
  });
  if (!activity) throw new AppError("NOT_FOUND", "No such activity.");
  const counts = await db.attempt.groupBy({ by: ["activityVersion"], where: { activityId: activity.id }, _count: { _all: true } });
  const byVersion = new Map(counts.map((c) => [c.activityVersion, c._count._all]));
  return {
    ...activity,
    yaml: activityToYaml(activity.definition as TActivity),
    versions: activity.versions.map((v) => ({ ...v, attempts: byVersion.get(v.version) ?? 0 })),
  };
}

/** One saved version's YAML, to read or compare with the current one. */
export async function getActivityVersionYaml(actor: TCurrentUser, slug: string, version: number) {
  assertAdmin(actor);
  const row = await db.activityVersion.findFirst({ where: { version, activity: { slug } }, select: { definition: true } });
  if (!row) throw new AppError("NOT_FOUND", "No such version.");
  return activityToYaml(row.definition as TActivity);
}
