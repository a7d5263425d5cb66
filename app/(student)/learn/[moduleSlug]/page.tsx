import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { KeyTerms } from "@/components/course/key-terms";
import { PlacesMap } from "@/components/course/places-map";
import { Timeline } from "@/components/course/timeline";
import { DraftBadge } from "@/components/ui/draft-badge";
import { requirePageUser } from "@/lib/auth/session";
import { getModuleForLearner } from "@/lib/learning/queries";
import { formatScore } from "@/lib/learning/scores";
import { orNotFound } from "@/lib/not-found";

type TParams = { moduleSlug: string };

export const metadata: Metadata = { title: "Module" };


export default async function ModulePage({ params }: { params: Promise<TParams> }) {
  const { moduleSlug } = await params;
  const user = await requirePageUser(`/learn/${moduleSlug}`, "STUDENT", "INSTRUCTOR", "ADMIN");
  const mod = await orNotFound(getModuleForLearner(user, moduleSlug));
  return (
    <div className="flex flex-col gap-8">
      <Breadcrumbs items={[{ href: "/learn", label: "Course" }]} />
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Module {mod.order}</p>
        <h1 className="font-serif text-3xl font-bold">
          {mod.title}
          <DraftBadge status={mod.status} />
        </h1>
        <p className="mt-2 max-w-3xl text-lg text-muted">{mod.summary}</p>
      </header>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="lessons-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="lessons-heading" className="mb-3 text-xl font-semibold">Lessons</h2>
          <ol className="flex flex-col gap-3">
            {mod.lessons.map((l) => (
              <li key={l.id}>
                {/* NOTE: a draft lesson is not in the lesson page cache; admins preview it in the editor. */}
                <Link
                  href={l.status === "DRAFT" ? `/admin/content/lessons/${l.id}/preview` : `/learn/${mod.slug}/${l.slug}`}
                  className="font-medium text-accent underline"
                >
                  {l.title}
                </Link>
                <DraftBadge status={l.status} />
                <span className="ml-2 text-sm text-muted">
                  {l.minutes} min{l.done && <> · <span className="text-green-800">✓ done</span></>}
                </span>
                <p className="text-sm text-muted">{l.summary}</p>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="activities-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="activities-heading" className="mb-3 text-xl font-semibold">Exercises and quiz</h2>
          <ol className="flex flex-col gap-3">
            {mod.activities.map((a) => (
              <li key={a.id}>
                <Link href={`/learn/${mod.slug}/activities/${a.slug}`} className="font-medium text-accent underline">{a.title}</Link>
                <DraftBadge status={a.status} />
                <span className="ml-2 text-sm text-muted">
                  {a.kind === "QUIZ" ? "Quiz" : "Exercise"} ·{" "}
                  {a.inProgress ? "in progress" : a.best ? `best ${formatScore(a.best)}` : a.submitted ? "submitted, score not shown yet" : "not started"}
                </span>
              </li>
            ))}
          </ol>
        </section>
      </div>

      {mod.timeline.length > 0 && <Timeline events={mod.timeline} title={`Timeline: ${mod.title}`} />}
      {mod.showMap && <PlacesMap />}
      {mod.keyTerms.length > 0 && (
        <section aria-labelledby="terms-heading">
          <h2 id="terms-heading" className="mb-2 text-xl font-semibold">Key terms</h2>
          <KeyTerms terms={mod.keyTerms} />
        </section>
      )}
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading" className="mb-2 text-xl font-semibold">Sources used in this module</h2>
        <ul className="list-disc pl-5">
          {mod.sources.map((s) => (
            <li key={s.slug}>
              <Link href={`/learn/sources/${s.slug}`} className="text-accent underline">{s.title}</Link>{" "}
              <span className="text-sm text-muted">({(s.card as { outlet: { name: string } }).outlet.name}, {s.publishedAt})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
