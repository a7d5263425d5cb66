"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import type { TFormState } from "@/lib/auth/form-state";
import { runFormAction } from "@/lib/form-action";
import { AppError, FieldsError } from "@/lib/errors";
import { createActivityFromYaml, saveActivity, setActivityStatus } from "@/lib/authoring/activities";
import { createLesson, setLessonStatus, updateLesson, ZLessonForm } from "@/lib/authoring/lessons";
import { createModule, setModuleStatus, updateModule, ZModuleForm, ZNewModuleForm } from "@/lib/authoring/modules";
import { ZBuilderInput } from "@/lib/authoring/question-builder";
import { addSourceQuestions } from "@/lib/authoring/source-questions";
import { ZSourceFormData } from "@/lib/authoring/source-form";
import { createSource, setSourceStatus, updateSource } from "@/lib/authoring/sources";
import { importCourseForAdmin } from "@/lib/authoring/transfer";
import { forgetPublishedLessons } from "@/lib/learning/published-lessons";
import { NUL_MESSAGE, nulPathOf } from "@/lib/plain-text";

/** Learners' pages (this process's lesson cache included) and the admin's lists show a content change at once. */
function refresh() {
  forgetPublishedLessons();
  revalidatePath("/learn", "layout");
  revalidatePath("/admin/content", "layout");
}

export async function createSourceAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  let slug = "";
  const state = await runFormAction(formData, ZSourceFormData, async (form) => {
    slug = (await createSource(actor, form)).slug;
  });
  if (state.error) return state;
  refresh();
  redirect(`/admin/content/sources/${slug}/questions?created=1`);
}

export async function updateSourceAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  const slug = String(formData.get("$slug") ?? "");
  const state = await runFormAction(formData, ZSourceFormData, async (form) => {
    await updateSource(actor, slug, form, String(formData.get("$basedOn") ?? "") || undefined);
    return "Saved. Learners see the corrected card on their next visit.";
  });
  if (!state.error) refresh();
  return state;
}

const ZStatusInput = z.object({
  kind: z.enum(["source", "module", "lesson", "activity"]),
  key: z.string().min(1).max(200),
  status: z.enum(["DRAFT", "PUBLISHED"]),
});

/** Publishes or unpublishes any piece of content; a refusal (e.g. its source is a draft) is shown beside the button. */
export async function setStatusAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  const state = await runFormAction(formData, ZStatusInput, async ({ kind, key, status }) => {
    const set = { source: setSourceStatus, module: setModuleStatus, lesson: setLessonStatus, activity: setActivityStatus }[kind];
    await set(actor, key, status);
    return status === "PUBLISHED" ? "Published." : "Unpublished: only admins see it now.";
  });
  if (!state.error) refresh();
  return state;
}

export async function createLessonAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  const moduleSlug = String(formData.get("$module") ?? "");
  let id = "";
  const state = await runFormAction(formData, ZLessonForm, async (form) => {
    id = (await createLesson(actor, moduleSlug, form)).id;
  });
  if (state.error) return state;
  refresh();
  redirect(`/admin/content/lessons/${id}`);
}

export async function updateLessonAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  const lessonId = String(formData.get("$lesson") ?? "");
  const state = await runFormAction(formData, ZLessonForm, async (form) => {
    await updateLesson(actor, lessonId, form, String(formData.get("$basedOn") ?? "") || undefined);
    return "Saved.";
  });
  if (!state.error) refresh();
  return state;
}

export async function createModuleAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  let slug = "";
  const state = await runFormAction(formData, ZNewModuleForm, async (form) => {
    slug = (await createModule(actor, form)).slug;
  });
  if (state.error) return state;
  refresh();
  redirect(`/admin/content/modules/${slug}`);
}

export async function updateModuleAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  const slug = String(formData.get("$module") ?? "");
  const input = { ...Object.fromEntries(formData), sources: formData.getAll("sources") };
  const parsed = ZModuleForm.safeParse(input);
  const state = await runFormAction(formData, z.any(), async () => {
    if (!parsed.success) throw new AppError("INVALID", "The form could not be read. Please reload the page.");
    await updateModule(actor, slug, parsed.data);
    return "Saved.";
  });
  if (!state.error) refresh();
  return state;
}

const ZActivityForm = z.object({ yaml: z.string().max(500_000), note: z.string().max(300).default("") });

export async function saveActivityAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  const slug = String(formData.get("$activity") ?? "");
  const state = await runFormAction(formData, ZActivityForm, async ({ yaml, note }) => {
    const basedOn = Number(formData.get("$basedOn"));
    const saved = await saveActivity(actor, slug, yaml, note.trim(), Number.isInteger(basedOn) && basedOn > 0 ? basedOn : undefined);
    return saved.changed
      ? `Saved as version ${saved.version}. Attempts already made keep their version and score.`
      : "Nothing changed, so no new version was made.";
  });
  if (!state.error) refresh();
  return state;
}

export async function createActivityAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  const moduleSlug = String(formData.get("$module") ?? "");
  let slug = "";
  const state = await runFormAction(formData, ZActivityForm, async ({ yaml }) => {
    slug = (await createActivityFromYaml(actor, moduleSlug, yaml)).slug;
  });
  if (state.error) return state;
  refresh();
  redirect(`/admin/content/activities/${slug}`);
}

export type TBuilderResult = { error?: string; fieldErrors?: Record<string, string>; href?: string; editHref?: string };

/** The question builder posts its whole state as one value; nothing is lost on an error (it stays on screen). */
export async function addSourceQuestionsAction(input: unknown): Promise<TBuilderResult> {
  const actor = await requireUser("ADMIN");
  const nul = nulPathOf(input);
  if (nul) return { error: "Please correct the parts marked below.", fieldErrors: { [nul]: NUL_MESSAGE } };
  const parsed = ZBuilderInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { error: "Please correct the parts marked below.", fieldErrors };
  }
  try {
    const saved = await addSourceQuestions(actor, parsed.data);
    refresh();
    return { href: saved.href, editHref: `/admin/content/activities/${saved.slug}` };
  } catch (error) {
    if (error instanceof FieldsError) return { error: error.message, fieldErrors: error.fields };
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
}

const MAX_IMPORT_BYTES = 3.5 * 1024 * 1024;

/** Imports a course zip; a broken file is named with its field, and nothing is written. */
export async function importCourseAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: "Choose a .zip file exported from Crosscheck.", fieldErrors: { file: "Choose a file." } };
  if (file.size > MAX_IMPORT_BYTES) return { error: "That file is larger than 3.5 MB; a course export is far smaller.", fieldErrors: { file: "At most 3.5 MB." } };
  const state = await runFormAction(formData, z.any(), async () => {
    const done = await importCourseForAdmin(actor, new Uint8Array(await file.arrayBuffer()), file.name.slice(0, 200));
    return `Imported ${done.sources} sources, ${done.modules} modules, ${done.lessons} lessons and ${done.activities} activities; ${done.newVersions} activities changed and got a new version.`;
  });
  if (!state.error) refresh();
  return state;
}
