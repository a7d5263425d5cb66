import type { Metadata } from "next";
import Link from "next/link";
import { stringify } from "yaml";
import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/form-field";
import { FormTextarea } from "@/components/forms/form-textarea";
import { StatusToggle } from "@/components/admin/status-toggle";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DraftBadge } from "@/components/ui/draft-badge";
import { requirePageUser } from "@/lib/auth/session";
import { getModuleForEdit } from "@/lib/authoring/queries";
import { orNotFound } from "@/lib/not-found";
import { createActivityAction, createLessonAction, updateModuleAction } from "../../actions";

export const metadata: Metadata = { title: "Edit a module" };

const NEW_ACTIVITY = `slug: new-activity-slug
kind: quiz
title: "Quiz: …"
intro: >-
  What the learner does, in one or two sentences.
sources:
  - source-slug
questions:
  - id: q1
    type: choice
    skill: comprehension
    prompt: "…"
    options:
      - id: a
        text: "…"
      - id: b
        text: "…"
    answer: [a]
    explanation: "…"
`;

export default async function EditModulePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requirePageUser(`/admin/content/modules/${slug}`, "ADMIN");
  const mod = await orNotFound(getModuleForEdit(actor, slug));
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <Breadcrumbs items={[{ href: "/admin/content", label: "Content" }]} />
      <header className="flex flex-col gap-3">
        <h1 className="font-serif text-3xl font-bold">
          {mod.title}
          <DraftBadge status={mod.status} />
        </h1>
        <div className="flex flex-wrap items-start gap-4">
          <Link href={`/learn/${slug}`} className="text-accent underline">Preview as learners see it</Link>
          <StatusToggle kind="module" contentKey={slug} status={mod.status} name={mod.title} />
        </div>
      </header>
      <ActionForm action={updateModuleAction} submitLabel="Save the module" hidden={{ $module: slug }}>
        <FormField label="Title" name="title" defaultValue={mod.title} required />
        <FormTextarea label="Summary" name="summary" rows={3} defaultValue={mod.summary} required />
        <fieldset className="flex flex-col gap-1">
          <legend className="font-medium">Sources used in this module</legend>
          {mod.allSources.map((s) => (
            <label key={s.slug} className="flex items-center gap-2">
              <input type="checkbox" name="sources" value={s.slug} defaultChecked={mod.sources.includes(s.slug)} />
              {s.title}
              <DraftBadge status={s.status} />
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="showMap" defaultChecked={mod.showMap} /> Show the schematic map
        </label>
        <FormTextarea
          label="Timeline (YAML: a list of date, label, detail)"
          name="timeline"
          rows={12}
          className="font-mono text-sm"
          spellCheck={false}
          wrap="off"
          hint="Check every date against the background record before saving."
          defaultValue={stringify(mod.timeline)}
        />
        <FormTextarea label="Key terms (YAML: a list of term, definition)" name="keyTerms" rows={10} className="font-mono text-sm" spellCheck={false} wrap="off" defaultValue={stringify(mod.keyTerms)} />
      </ActionForm>

      <section aria-labelledby="new-lesson" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
        <h2 id="new-lesson" className="text-xl font-semibold">Add a lesson</h2>
        <ActionForm action={createLessonAction} submitLabel="Add the lesson as a draft" hidden={{ $module: slug }}>
          <FormField label="Slug (lower-case words joined by hyphens)" name="slug" id="new-lesson-slug" required />
          <FormField label="Title" name="title" id="new-lesson-title" required />
          <FormField label="Summary (one sentence)" name="summary" id="new-lesson-summary" required />
          <FormField label="Reading time in minutes" name="minutes" id="new-lesson-minutes" inputMode="numeric" required />
          <FormTextarea label="Lesson text (Markdown)" name="body" id="new-lesson-body" rows={10} className="font-mono text-sm" required />
        </ActionForm>
      </section>

      <section aria-labelledby="new-activity" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
        <h2 id="new-activity" className="text-xl font-semibold">Add an exercise or quiz</h2>
        <p className="text-sm">
          Write it in the YAML of <code>content/</code>. For a perspective question on one source, marking its passages on the text
          is easier: open the source and choose “Mark passages and add questions”.
        </p>
        <ActionForm action={createActivityAction} submitLabel="Add the activity as a draft" hidden={{ $module: slug }}>
          <FormTextarea label="Activity (YAML)" name="yaml" id="new-activity-yaml" rows={20} className="font-mono text-sm" spellCheck={false} wrap="off" defaultValue={NEW_ACTIVITY} />
        </ActionForm>
      </section>
    </div>
  );
}
