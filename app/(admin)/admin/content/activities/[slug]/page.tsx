import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/form-field";
import { FormTextarea } from "@/components/forms/form-textarea";
import { StatusToggle } from "@/components/admin/status-toggle";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DraftBadge } from "@/components/ui/draft-badge";
import { requirePageUser } from "@/lib/auth/session";
import { getActivityForEdit, getActivityVersionYaml } from "@/lib/authoring/queries";
import { orNotFound } from "@/lib/not-found";
import { saveActivityAction } from "../../actions";

export const metadata: Metadata = { title: "Edit an activity" };

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function EditActivityPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ version?: string }> }) {
  const { slug } = await params;
  const { version } = await searchParams;
  const actor = await requirePageUser(`/admin/content/activities/${slug}`, "ADMIN");
  const activity = await orNotFound(getActivityForEdit(actor, slug));
  const shown = version ? Number(version) : null;
  const oldYaml = shown && shown !== activity.version ? await orNotFound(getActivityVersionYaml(actor, slug, shown)) : null;
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs items={[{ href: "/admin/content", label: "Content" }, { href: `/admin/content/modules/${activity.module.slug}`, label: activity.module.title }]} />
      <header className="flex flex-col gap-3">
        <h1 className="font-serif text-3xl font-bold">
          {activity.title}
          <DraftBadge status={activity.status} />
        </h1>
        <p className="text-muted">Version {activity.version} · in “{activity.module.title}”</p>
        <div className="flex flex-wrap items-start gap-4">
          <Link href={`/learn/${activity.module.slug}/activities/${slug}`} className="text-accent underline">Preview as learners see it</Link>
          <StatusToggle kind="activity" contentKey={slug} status={activity.status} name={activity.title} />
        </div>
      </header>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="edit-heading" className="flex flex-col gap-3">
          <h2 id="edit-heading" className="text-xl font-semibold">Edit</h2>
          <p className="text-sm">
            The activity in the same YAML as its file in <code>content/</code>, checked by the same rules: every quote must be in its
            source word for word, and every answer must be one of the options. Saving a change makes version {activity.version + 1};
            attempts already made keep the version they answered, and their scores.
          </p>
          <ActionForm action={saveActivityAction} submitLabel="Save as a new version" hidden={{ $activity: slug, $basedOn: String(activity.version) }}>
            <FormTextarea label="Activity (YAML)" name="yaml" rows={30} spellCheck={false} wrap="off" className="font-mono text-sm" defaultValue={activity.yaml} />
            <FormField label="What changed (shown in the history)" name="note" placeholder="e.g. Fixed the stance key's explanation" />
          </ActionForm>
        </section>
        <section aria-labelledby="history-heading" className="flex flex-col gap-3">
          <h2 id="history-heading" className="text-xl font-semibold">History</h2>
          <ol className="flex flex-col gap-3" reversed>
            {activity.versions.map((v) => (
              <li key={v.version} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p className="font-semibold">
                  Version {v.version}
                  {v.version === activity.version ? " (current)" : ""}
                </p>
                <p>{v.note}</p>
                <p className="text-muted">
                  {v.createdByName}, {when(v.createdAt)} · {v.attempts} {v.attempts === 1 ? "attempt" : "attempts"}
                </p>
                {v.version !== activity.version && (
                  <Link href={`/admin/content/activities/${slug}?version=${v.version}#old-version`} className="text-accent underline">
                    Show version {v.version}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </section>
      </div>
      {oldYaml && (
        <section id="old-version" aria-labelledby="old-heading" className="flex flex-col gap-2">
          <h2 id="old-heading" className="text-xl font-semibold">Version {shown}, as it was saved</h2>
          <pre className="max-h-[32rem] overflow-auto rounded-md border border-slate-300 bg-slate-50 p-3 text-sm" tabIndex={0}>{oldYaml}</pre>
        </section>
      )}
    </div>
  );
}
