import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, FieldsError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { renderLessonHtml } from "@/lib/content/markdown";
import { ZLesson, type TTerm } from "@/lib/content/schemas";
import { forgetPublishedLessons } from "@/lib/learning/published-lessons";
import { fieldErrorsOf } from "@/lib/auth/form-state";
import { assertAdmin } from "./access";

export const ZLessonForm = z.object({
  slug: z.string().max(120).default(""),
  title: z.string().max(300).default(""),
  summary: z.string().max(2_000).default(""),
  minutes: z.string().max(10).default(""),
  body: z.string().max(200_000).default(""),
});
export type TLessonForm = z.infer<typeof ZLessonForm>;

/** The lesson form checked by the content schema (the same rules as lesson files); errors name the field. */
function toLesson(form: TLessonForm) {
  const parsed = ZLesson.safeParse({
    slug: form.slug.trim(),
    title: form.title,
    summary: form.summary,
    minutes: form.minutes.trim() === "" ? undefined : Number(form.minutes),
    body: form.body.replace(/\r\n?/g, "\n"),
  });
  if (parsed.success) return parsed.data;
  const fields = fieldErrorsOf(parsed.error);
  if (fields.minutes) fields.minutes = "Enter the reading time in whole minutes, e.g. 8.";
  throw new FieldsError(fields);
}

async function render(body: string) {
  const terms = await db.term.findMany({ select: { id: true, neutral: true, note: true, variants: true } });
  return renderLessonHtml(body, terms as TTerm[]);
}

/** Adds a draft lesson at the end of a module. Audited. */
export async function createLesson(actor: TCurrentUser, moduleSlug: string, form: TLessonForm) {
  assertAdmin(actor);
  const lesson = toLesson(form);
  const bodyHtml = await render(lesson.body);
  return db.$transaction(async (tx) => {
    const mod = await tx.module.findUnique({ where: { slug: moduleSlug }, select: { id: true, title: true } });
    if (!mod) throw new AppError("NOT_FOUND", "No such module.");
    if (await tx.lesson.findUnique({ where: { moduleId_slug: { moduleId: mod.id, slug: lesson.slug } }, select: { id: true } })) {
      throw new FieldsError({ slug: `This module already has a lesson “${lesson.slug}”.` });
    }
    const last = await tx.lesson.aggregate({ where: { moduleId: mod.id }, _max: { order: true } });
    const { status: _status, ...data } = lesson;
    const created = await tx.lesson.create({
      data: { ...data, bodyHtml, moduleId: mod.id, order: (last._max.order ?? -1) + 1, status: "DRAFT" },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "lesson.create",
      targetType: "Lesson",
      targetId: created.id,
      summary: `Added the lesson “${lesson.title}” to “${mod.title}” as a draft`,
      after: { slug: lesson.slug, title: lesson.title, summary: lesson.summary, minutes: lesson.minutes, body: lesson.body },
    });
    return created;
  });
}

const STALE =
  "Someone saved this lesson after you opened it (in another tab or another admin). Your text is still here: copy your changes, reload the page, and apply them again.";

/** Saves a lesson's text; learners see the change on their next visit (the page cache is refreshed). Audited. */
export async function updateLesson(actor: TCurrentUser, lessonId: string, form: Omit<TLessonForm, "slug">, basedOn?: string) {
  assertAdmin(actor);
  const current = await db.lesson.findUnique({ where: { id: lessonId }, select: { slug: true } });
  if (!current) throw new AppError("NOT_FOUND", "No such lesson.");
  const lesson = toLesson({ ...form, slug: current.slug });
  const bodyHtml = await render(lesson.body);
  await db.$transaction(async (tx) => {
    const { updatedAt, ...before } = await tx.lesson.findUniqueOrThrow({
      where: { id: lessonId },
      select: { title: true, summary: true, minutes: true, body: true, updatedAt: true },
    });
    // Someone saved the lesson after this form was opened: refuse rather than silently undo their change.
    if (basedOn && basedOn !== updatedAt.toISOString()) throw new FieldsError({ body: STALE });
    await tx.lesson.update({
      where: { id: lessonId },
      data: { title: lesson.title, summary: lesson.summary, minutes: lesson.minutes, body: lesson.body, bodyHtml },
    });
    await recordAudit(tx, actor, {
      action: "lesson.update",
      targetType: "Lesson",
      targetId: lessonId,
      summary: `Edited the lesson “${lesson.title}”`,
      before,
      after: { title: lesson.title, summary: lesson.summary, minutes: lesson.minutes, body: lesson.body },
    });
  });
}

/** Publishes or unpublishes a lesson. Audited. */
export async function setLessonStatus(actor: TCurrentUser, lessonId: string, status: "DRAFT" | "PUBLISHED") {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.lesson.findUnique({ where: { id: lessonId }, select: { title: true, status: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such lesson.");
    if (before.status === status) return;
    await tx.lesson.update({ where: { id: lessonId }, data: { status } });
    await recordAudit(tx, actor, {
      action: status === "PUBLISHED" ? "lesson.publish" : "lesson.unpublish",
      targetType: "Lesson",
      targetId: lessonId,
      summary: `${status === "PUBLISHED" ? "Published" : "Unpublished"} the lesson “${before.title}”`,
      before: { status: before.status },
      after: { status },
    });
  });
  forgetPublishedLessons();
}
