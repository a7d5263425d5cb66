import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ImportFileField } from "@/components/admin/import-file-field";
import { requirePageUser } from "@/lib/auth/session";
import { importCourseAction } from "../actions";

export const metadata: Metadata = { title: "Import and export" };

export default async function TransferPage() {
  await requirePageUser("/admin/content/transfer", "ADMIN");
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <Breadcrumbs items={[{ href: "/admin/content", label: "Content" }]} />
      <h1 className="font-serif text-3xl font-bold">Import and export</h1>
      <section aria-labelledby="export-heading" className="flex flex-col gap-2">
        <h2 id="export-heading" className="text-xl font-semibold">Export</h2>
        <p>
          The whole course, drafts included, as a zip of files in the <code>content/</code> format: sources with their provenance
          cards, modules, lessons in Markdown and activities in YAML. Importing it into an empty installation reproduces the course.
        </p>
        <p>
          {/* A download, not a page: a plain link keeps it out of client-side navigation. */}
          <a href="/admin/content/export.zip" download className="text-accent underline">Download the course (.zip)</a>
        </p>
      </section>
      <section aria-labelledby="import-heading" className="flex flex-col gap-2">
        <h2 id="import-heading" className="text-xl font-semibold">Import</h2>
        <p>
          Every file is checked by the same rules as <code>content/</code>, and every quoted passage must be in its source. If anything
          is wrong, nothing is changed and the message names the file and the field. Content is matched by slug: changed activities
          get a new version, and no learner&apos;s progress or attempt is removed.
        </p>
        <ActionForm action={importCourseAction} submitLabel="Import the course" pendingLabel="Importing…">
          <ImportFileField />
        </ActionForm>
      </section>
    </div>
  );
}
