import "server-only";
import { db } from "@/lib/db";
import { AppError, FieldsError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { collectQuotes } from "@/lib/content/activity-quotes";
import type { TActivity } from "@/lib/content/activity-schema";
import type { TSource } from "@/lib/content/schemas";
import { assertAdmin } from "./access";
import { toSource, type TSourceForm } from "./source-form";

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

function splitSource(source: TSource) {
  const { slug, title, publishedAt, body, status: _status, ...card } = source;
  return { slug, title, publishedAt, body, card };
}

/** Adds a source as a draft: learners see it once it is published and a module uses it. Audited. */
export async function createSource(actor: TCurrentUser, form: TSourceForm) {
  assertAdmin(actor);
  const { source, fieldErrors } = toSource(form, "draft");
  if (!source) throw new FieldsError(fieldErrors);
  const row = splitSource(source);
  return db.$transaction(async (tx) => {
    if (await tx.source.findUnique({ where: { slug: row.slug }, select: { id: true } })) {
      throw new FieldsError({ slug: `A source with the slug "${row.slug}" already exists.` });
    }
    const created = await tx.source.create({ data: { ...row, status: "DRAFT" }, select: { id: true, slug: true } });
    await recordAudit(tx, actor, {
      action: "source.create",
      targetType: "Source",
      targetId: created.id,
      summary: `Added the source “${row.title}” as a draft`,
      after: { ...row.card, title: row.title, publishedAt: row.publishedAt, bodyLength: row.body.length },
    });
    return created;
  });
}

/** Activities whose definition lists the source (any status), with their quotes of it. */
async function activitiesUsing(tx: TTx, slug: string) {
  const rows = await tx.$queryRaw<{ id: string; title: string; definition: TActivity }[]>`
    SELECT "id", "title", "definition" FROM "Activity" WHERE "definition"->'sources' ? ${slug}`;
  return rows;
}

/**
 * Corrects a source's card and, while no learner has answered against it, its text. The text of a source
 * with answers cannot change, because highlights point into it by position; every quote an activity
 * makes of it must still be found word for word. Audited with the card before and after.
 */
export async function updateSource(actor: TCurrentUser, slug: string, form: TSourceForm, basedOn?: string) {
  assertAdmin(actor);
  const { source, fieldErrors } = toSource({ ...form, slug }, "published");
  if (!source) throw new FieldsError(fieldErrors);
  const next = splitSource(source);
  await db.$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { slug }, select: { id: true, title: true, publishedAt: true, card: true, body: true, updatedAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such source.");
    if (basedOn && basedOn !== before.updatedAt.toISOString()) {
      throw new FieldsError(
        { title: "Someone saved this source after you opened it (in another tab or another admin)." },
        "Not saved: the source changed since you opened it. Your text is still here: copy your changes, reload the page, and apply them again.",
      );
    }
    if (before.body !== next.body) {
      const using = await activitiesUsing(tx, slug);
      // An admin's own preview attempts do not count: only learners' highlights must keep pointing at the text.
      const answered = await tx.attempt.count({ where: { activityId: { in: using.map((a) => a.id) }, user: { role: { not: "ADMIN" } } } });
      if (answered > 0) {
        throw new FieldsError({
          body: `Learners have already answered questions on this text (${answered} attempts), and their highlights point into it, so the text cannot change. Correct the card, or add the corrected text as a new source.`,
        });
      }
      for (const activity of using) {
        const missing = collectQuotes(activity.definition).find((q) => q.source === slug && !next.body.includes(q.quote));
        if (missing) {
          throw new FieldsError({ body: `“${activity.title}” quotes a passage the new text no longer has (${missing.where}): “${missing.quote}”` });
        }
      }
    }
    // The form has no fields for a republication; a card that records one keeps it.
    const { republishedBy } = before.card as Pick<TSource, "republishedBy">;
    if (republishedBy && !next.card.republishedBy) next.card = { ...next.card, republishedBy };
    await tx.source.update({ where: { slug }, data: { title: next.title, publishedAt: next.publishedAt, card: next.card, body: next.body } });
    await recordAudit(tx, actor, {
      action: "source.update",
      targetType: "Source",
      targetId: before.id,
      summary: `Edited the source “${next.title}”${before.body !== next.body ? " (text and card)" : " (card)"}`,
      before: { title: before.title, publishedAt: before.publishedAt, card: before.card as object, bodyLength: before.body.length },
      after: { title: next.title, publishedAt: next.publishedAt, card: next.card, bodyLength: next.body.length },
    });
  });
}

/** Publishes or unpublishes a source. Unpublishing one that a published activity quotes is refused. */
export async function setSourceStatus(actor: TCurrentUser, slug: string, status: "DRAFT" | "PUBLISHED") {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { slug }, select: { id: true, title: true, status: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such source.");
    if (before.status === status) return;
    if (status === "DRAFT") {
      const live = (await activitiesUsing(tx, slug)).map((a) => a.id);
      const published = await tx.activity.findMany({ where: { id: { in: live }, status: "PUBLISHED" }, select: { title: true } });
      if (published.length > 0) {
        throw new AppError("CONFLICT", `Published activities use this source: ${published.map((a) => `“${a.title}”`).join(", ")}. Unpublish them first.`);
      }
    }
    await tx.source.update({ where: { slug }, data: { status } });
    await recordAudit(tx, actor, {
      action: status === "PUBLISHED" ? "source.publish" : "source.unpublish",
      targetType: "Source",
      targetId: before.id,
      summary: `${status === "PUBLISHED" ? "Published" : "Unpublished"} the source “${before.title}”`,
      before: { status: before.status },
      after: { status },
    });
  });
}

