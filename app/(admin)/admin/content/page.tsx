import type { Metadata } from "next";
import Link from "next/link";
import { StatusToggle } from "@/components/admin/status-toggle";
import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/form-field";
import { FormTextarea } from "@/components/forms/form-textarea";
import { DraftBadge } from "@/components/ui/draft-badge";
import { requirePageUser } from "@/lib/auth/session";
import { getContentOverview } from "@/lib/authoring/queries";
import { createModuleAction } from "./actions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Content" };

export default async function ContentPage() {
  const actor = await requirePageUser("/admin/content", "ADMIN");
  const { modules, sources } = await getContentOverview(actor);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="font-serif text-3xl font-bold">Course content</h1>
        <p className="max-w-3xl text-muted">
          New sources, lessons and activities start as drafts: only admins see them, in the places learners will find them
          once published. Editing an activity makes a new version; attempts already made keep theirs and their scores.
        </p>
        <nav aria-label="Content tools" className="flex flex-wrap gap-4">
          <Link href="/admin/content/sources/new" className="text-accent underline">Add a source</Link>
          <Link href="/admin/content/coverage" className="text-accent underline">Coverage report</Link>
          <Link href="/admin/content/transfer" className="text-accent underline">Import and export</Link>
        </nav>
      </header>

      <section aria-labelledby="sources-heading" className="flex flex-col gap-3">
        <h2 id="sources-heading" className="text-xl font-semibold">Sources</h2>
        <TableScroll>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Sources, with their status</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">Source</th>
                <th scope="col" className="py-2 pr-3">Outlet and date</th>
                <th scope="col" className="py-2 pr-3">Status</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.slug} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/admin/content/sources/${s.slug}`} className="text-accent underline">{s.title}</Link>
                    <DraftBadge status={s.status} />
                  </th>
                  <td className="py-2 pr-3">{s.outlet}, {s.publishedAt}</td>
                  <td className="py-2 pr-3"><StatusToggle kind="source" contentKey={s.slug} status={s.status} name={s.title} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {modules.map((m) => (
        <section key={m.slug} aria-labelledby={`module-${m.slug}`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <h2 id={`module-${m.slug}`} className="text-xl font-semibold">
              Module {m.order}: <Link href={`/admin/content/modules/${m.slug}`} className="text-accent underline">{m.title}</Link>
              <DraftBadge status={m.status} />
            </h2>
            <StatusToggle kind="module" contentKey={m.slug} status={m.status} name={`Module ${m.order}: ${m.title}`} />
          </div>
          <h3 className="font-semibold">Lessons</h3>
          <ul className="flex flex-col gap-2">
            {m.lessons.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <Link href={`/admin/content/lessons/${l.id}`} className="text-accent underline">{l.title}</Link>
                  <DraftBadge status={l.status} />
                </span>
                <StatusToggle kind="lesson" contentKey={l.id} status={l.status} name={l.title} />
              </li>
            ))}
          </ul>
          <h3 className="font-semibold">Exercises and quizzes</h3>
          <ul className="flex flex-col gap-2">
            {m.activities.map((a) => (
              <li key={a.slug} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <Link href={`/admin/content/activities/${a.slug}`} className="text-accent underline">{a.title}</Link>
                  <DraftBadge status={a.status} />
                  <span className="ml-2 text-sm text-muted">
                    {a.kind === "QUIZ" ? "Quiz" : "Exercise"} · version {a.version} · {a._count.attempts} attempts
                  </span>
                </span>
                <StatusToggle kind="activity" contentKey={a.slug} status={a.status} name={a.title} />
              </li>
            ))}
          </ul>
        </section>
      ))}

      <section aria-labelledby="new-module" className="flex max-w-3xl flex-col gap-3 border-t border-slate-300 pt-6">
        <h2 id="new-module" className="text-xl font-semibold">Add a module</h2>
        <ActionForm action={createModuleAction} submitLabel="Add the module as a draft">
          <FormField label="Slug (lower-case words joined by hyphens)" name="slug" id="new-module-slug" required />
          <FormField label="Title" name="title" id="new-module-title" required />
          <FormTextarea label="Summary" name="summary" id="new-module-summary" rows={3} required />
        </ActionForm>
      </section>
    </div>
  );
}
