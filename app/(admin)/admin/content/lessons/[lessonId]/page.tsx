import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/form-field";
import { FormTextarea } from "@/components/forms/form-textarea";
import { StatusToggle } from "@/components/admin/status-toggle";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DraftBadge } from "@/components/ui/draft-badge";
import { requirePageUser } from "@/lib/auth/session";
import { getLessonForEdit } from "@/lib/authoring/queries";
import { orNotFound } from "@/lib/not-found";
import { updateLessonAction } from "../../actions";

export const metadata: Metadata = { title: "Edit a lesson" };

export default async function EditLessonPage({ params }: { params: Promise<{ lessonId: string }> }) {
  const { lessonId } = await params;
  const actor = await requirePageUser(`/admin/content/lessons/${lessonId}`, "ADMIN");
  const lesson = await orNotFound(getLessonForEdit(actor, lessonId));
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <Breadcrumbs items={[{ href: "/admin/content", label: "Content" }, { href: `/admin/content/modules/${lesson.module.slug}`, label: lesson.module.title }]} />
      <header className="flex flex-col gap-3">
        <h1 className="font-serif text-3xl font-bold">
          {lesson.title}
          <DraftBadge status={lesson.status} />
        </h1>
        <div className="flex flex-wrap items-start gap-4">
          <Link href={`/admin/content/lessons/${lessonId}/preview`} className="text-accent underline">Preview as learners see it</Link>
          <StatusToggle kind="lesson" contentKey={lessonId} status={lesson.status} name={lesson.title} />
        </div>
      </header>
      <ActionForm action={updateLessonAction} submitLabel="Save the lesson" hidden={{ $lesson: lessonId, $basedOn: lesson.updatedAt.toISOString() }}>
        <FormField label="Title" name="title" defaultValue={lesson.title} required />
        <FormField label="Summary (one sentence)" name="summary" defaultValue={lesson.summary} required />
        <FormField label="Reading time in minutes" name="minutes" inputMode="numeric" defaultValue={String(lesson.minutes)} required />
        <FormTextarea
          label="Lesson text (Markdown)"
          name="body"
          rows={24}
          className="font-mono text-sm"
          hint="Markdown with tables; scripts, event handlers and javascript: or data: links are removed when it is rendered. Give both place names (Stepanakert/Khankendi) and attribute every contested claim."
          defaultValue={lesson.body}
          required
        />
      </ActionForm>
    </div>
  );
}
