import "server-only";
import { db } from "@/lib/db";
import { AppError, FieldsError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { collectQuotes } from "@/lib/content/activity-quotes";
import type { TActivity } from "@/lib/content/activity-schema";
import { storedDefinition, writeActivity } from "@/lib/content/seed-course";
import { lockForStatusChange, refuseIfAssigned } from "./assigned-content";
import { assertAdmin, authorOf } from "./access";
import { parseActivityYaml } from "./activity-yaml";

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Every source the activity names exists, and every passage it quotes is in its source word for word. */
async function checkSources(tx: TTx, activity: TActivity, field: string) {
  const rows = await tx.source.findMany({ where: { slug: { in: activity.sources } }, select: { slug: true, body: true } });
  const bodies = new Map(rows.map((r) => [r.slug, r.body]));
  const unknown = activity.sources.find((s) => !bodies.has(s));
  if (unknown) throw new FieldsError({ [field]: `sources: there is no source “${unknown}”.` });
  for (const q of collectQuotes(activity)) {
    if (!bodies.get(q.source)?.includes(q.quote)) {
      throw new FieldsError({ [field]: `${q.where}: this passage is not in “${q.source}” word for word: “${q.quote}”` });
    }
  }
}

function parseOrThrow(yaml: string) {
  const result = parseActivityYaml(yaml);
  if (!result.activity) throw new FieldsError({ yaml: result.error });
  return result.activity;
}

/**
 * Saves an edited activity. A changed definition becomes a new version at once: learners who start it
 * from now on get the new questions, while every earlier attempt keeps its version, answers and score.
 * Audited with the version numbers and the definitions before and after.
 */
export async function saveActivity(actor: TCurrentUser, slug: string, yaml: string, note: string, basedOn?: number) {
  assertAdmin(actor);
  const activity = parseOrThrow(yaml);
  if (activity.slug !== slug) throw new FieldsError({ yaml: `slug: an activity's slug cannot change (it is “${slug}”).` });
  return db.$transaction((tx) => saveActivityTx(tx, actor, activity, note, "yaml", basedOn));
}

/**
 * `basedOn`: the version the admin's edit started from. If someone saved a newer one meanwhile (another
 * tab, another admin), the save is refused rather than silently undoing their change.
 */
export async function saveActivityTx(tx: TTx, actor: TCurrentUser, activity: TActivity, note: string, field = "yaml", basedOn?: number) {
  assertAdmin(actor);
  const slug = activity.slug;
  // NOTE: the row lock makes two admins saving at once produce versions n+1 and n+2, not two n+1.
  const rows = await tx.$queryRaw<{ id: string; moduleId: string; order: number; status: "DRAFT" | "PUBLISHED"; version: number }[]>`
    SELECT "id", "moduleId", "order", "status", "version" FROM "Activity" WHERE "slug" = ${slug} FOR UPDATE`;
  const before = rows[0];
  if (!before) throw new AppError("NOT_FOUND", "No such activity.");
  if (basedOn !== undefined && basedOn !== before.version) {
    throw new FieldsError({
      [field]: `Version ${before.version} was saved after you opened version ${basedOn} (in another tab or by another admin). Your text is still here: copy your changes, reload the page, and apply them to version ${before.version}.`,
    });
  }
  await checkSources(tx, activity, field);
  const previous = await tx.activity.findUniqueOrThrow({ where: { id: before.id }, select: { definition: true } });
  const saved = await writeActivity(tx, { moduleId: before.moduleId, order: before.order, activity, status: before.status }, authorOf(actor, note || "Edited in the app"));
  if (saved.changed) {
    await recordAudit(tx, actor, {
      action: "activity.version",
      targetType: "Activity",
      targetId: before.id,
      summary: `Saved “${activity.title}” as version ${saved.version}${note ? `: ${note}` : ""}`,
      before: { version: before.version, definition: previous.definition as object },
      after: { version: saved.version, definition: storedDefinition(activity) },
    });
  }
  return { ...saved, moduleId: before.moduleId };
}

/** Adds a draft activity at the end of a module, from YAML or from the question builder. Audited. */
export async function createActivity(actor: TCurrentUser, moduleSlug: string, activity: TActivity, field = "yaml") {
  assertAdmin(actor);
  return db.$transaction((tx) => createActivityTx(tx, actor, moduleSlug, activity, field));
}

export async function createActivityTx(tx: TTx, actor: TCurrentUser, moduleSlug: string, activity: TActivity, field = "yaml") {
  assertAdmin(actor);
  const mod = await tx.module.findUnique({ where: { slug: moduleSlug }, select: { id: true, title: true } });
  if (!mod) throw new FieldsError({ module: "Choose a module." });
  if (await tx.activity.findUnique({ where: { slug: activity.slug }, select: { id: true } })) {
    throw new FieldsError({ [field === "yaml" ? "yaml" : "slug"]: `An activity with the slug “${activity.slug}” already exists.` });
  }
  await checkSources(tx, activity, field);
  const last = await tx.activity.aggregate({ where: { moduleId: mod.id }, _max: { order: true } });
  const saved = await writeActivity(
    tx,
    { moduleId: mod.id, order: (last._max.order ?? -1) + 1, activity, status: "DRAFT" },
    authorOf(actor, "Created in the app"),
  );
  await recordAudit(tx, actor, {
    action: "activity.create",
    targetType: "Activity",
    targetId: saved.id,
    summary: `Added “${activity.title}” to “${mod.title}” as a draft`,
    after: { version: 1, definition: storedDefinition(activity) },
  });
  return { ...saved, moduleId: mod.id, slug: activity.slug };
}

export async function createActivityFromYaml(actor: TCurrentUser, moduleSlug: string, yaml: string) {
  assertAdmin(actor);
  return createActivity(actor, moduleSlug, parseOrThrow(yaml));
}

/**
 * Publishes or unpublishes an activity. Publishing needs its module's sources published first, so a
 * learner never meets a quiz on a text they cannot open; unpublishing one that a class has been set is
 * refused (see `refuseIfAssigned`). Audited.
 */
export async function setActivityStatus(actor: TCurrentUser, slug: string, status: "DRAFT" | "PUBLISHED") {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.activity.findUnique({ where: { slug }, select: { id: true, title: true, status: true, definition: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such activity.");
    if (before.status === status) return;
    if (status === "PUBLISHED") {
      const slugs = (before.definition as TActivity).sources;
      const drafts = await tx.source.findMany({ where: { slug: { in: slugs }, status: "DRAFT" }, select: { title: true } });
      if (drafts.length > 0) {
        throw new AppError("CONFLICT", `Publish its sources first: ${drafts.map((s) => `“${s.title}”`).join(", ")}.`);
      }
    } else {
      await lockForStatusChange(tx, "Activity", before.id);
      // Only assignments of this activity itself: a module assignment covers the module's published
      // activities, so one taken back simply drops out of it.
      await refuseIfAssigned(tx, { activityId: before.id }, `“${before.title}”`);
    }
    await tx.activity.update({ where: { id: before.id }, data: { status } });
    await recordAudit(tx, actor, {
      action: status === "PUBLISHED" ? "activity.publish" : "activity.unpublish",
      targetType: "Activity",
      targetId: before.id,
      summary: `${status === "PUBLISHED" ? "Published" : "Unpublished"} “${before.title}”`,
      before: { status: before.status },
      after: { status },
    });
  });
}
