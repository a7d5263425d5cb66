import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SourceFormFields } from "@/components/admin/source-form-fields";
import { StatusToggle } from "@/components/admin/status-toggle";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DraftBadge } from "@/components/ui/draft-badge";
import { requirePageUser } from "@/lib/auth/session";
import { getSourceForEdit } from "@/lib/authoring/queries";
import { orNotFound } from "@/lib/not-found";
import { updateSourceAction } from "../../actions";

export const metadata: Metadata = { title: "Edit a source" };

export default async function EditSourcePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requirePageUser(`/admin/content/sources/${slug}`, "ADMIN");
  const source = await orNotFound(getSourceForEdit(actor, slug));
  const answered = source.usedBy.reduce((n, a) => n + a.attempts, 0);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <Breadcrumbs items={[{ href: "/admin/content", label: "Content" }]} />
      <header className="flex flex-col gap-3">
        <h1 className="font-serif text-3xl font-bold">
          {source.title}
          <DraftBadge status={source.status} />
        </h1>
        <div className="flex flex-wrap items-start gap-4">
          <Link href={`/learn/sources/${slug}`} className="text-accent underline">Preview as learners see it</Link>
          <Link href={`/admin/content/sources/${slug}/questions`} className="text-accent underline">Mark passages and add questions</Link>
          <StatusToggle kind="source" contentKey={slug} status={source.status} name={source.title} />
        </div>
      </header>
      <section aria-labelledby="used-heading">
        <h2 id="used-heading" className="text-xl font-semibold">Used in</h2>
        {source.usedBy.length === 0 ? (
          <p>No activity uses this source yet.</p>
        ) : (
          <ul className="list-disc pl-6">
            {source.usedBy.map((a) => (
              <li key={a.slug}>
                <Link href={`/admin/content/activities/${a.slug}`} className="text-accent underline">{a.title}</Link>{" "}
                ({a.status === "DRAFT" ? "draft" : "published"}, {a.attempts} attempts)
              </li>
            ))}
          </ul>
        )}
        {answered > 0 && (
          <p className="mt-2 text-sm">
            Learners have answered questions on this text, so the card can be corrected but the text itself cannot change.
          </p>
        )}
      </section>
      <ActionForm action={updateSourceAction} submitLabel="Save changes" hidden={{ $slug: slug, $basedOn: source.updatedAt }}>
        <SourceFormFields values={source.form} editing bodyLocked={answered > 0} />
      </ActionForm>
    </div>
  );
}
