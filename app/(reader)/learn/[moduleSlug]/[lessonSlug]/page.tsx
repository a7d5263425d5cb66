import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { TermLens } from "@/components/course/term-lens";
import { LessonProgress } from "@/components/learn/lesson-progress";
import { getLessonContent, getTerms } from "@/lib/learning/queries";
import { orNotFound } from "@/lib/not-found";

type TParams = { moduleSlug: string; lessonSlug: string };

// NOTE: rendered from the database on first visit, then served from the cache and refreshed at most a
// minute after the content changes. The proxy verifies the session (docs/decisions/007).
export const revalidate = 60;
export async function generateStaticParams(): Promise<TParams[]> {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<TParams> }): Promise<Metadata> {
  const { lessonSlug } = await params;
  return { title: lessonSlug.replace(/-/g, " ") };
}

export default async function LessonPage({ params }: { params: Promise<TParams> }) {
  const { moduleSlug, lessonSlug } = await params;
  const [lesson, allTerms] = await Promise.all([orNotFound(getLessonContent(moduleSlug, lessonSlug)), getTerms()]);
  // Only the terms this lesson uses travel to the browser.
  const used = new Set([...lesson.bodyHtml.matchAll(/data-term="([^"]+)"/g)].map((m) => m[1]));
  const terms = allTerms.filter((t) => used.has(t.id));
  const next = lesson.next
    ? { href: `/learn/${moduleSlug}/${lesson.next.slug}`, label: `Next lesson: ${lesson.next.title}` }
    : lesson.firstActivity
      ? { href: `/learn/${moduleSlug}/activities/${lesson.firstActivity.slug}`, label: `Practise: ${lesson.firstActivity.title}` }
      : { href: `/learn/${moduleSlug}`, label: "Back to the module" };

  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <Breadcrumbs items={[{ href: "/learn", label: "Course" }, { href: `/learn/${moduleSlug}`, label: lesson.module.title }]} />
      <header className="flex flex-col gap-2">
        <p className="text-sm text-muted">
          Lesson {lesson.order + 1} of {lesson.module.lessonCount} · about {lesson.minutes} minutes
        </p>
        <h1 className="font-serif text-3xl font-bold leading-tight sm:text-4xl">{lesson.title}</h1>
        <p className="text-lg text-muted">{lesson.summary}</p>
      </header>
      <TermLens terms={terms}>
        <div
          className="prose prose-lg prose-slate max-w-none font-serif prose-headings:font-sans prose-table:text-base"
          dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }}
        />
      </TermLens>
      {lesson.sources.length > 0 && (
        <aside aria-labelledby="lesson-sources" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="lesson-sources" className="mb-2 font-semibold">Sources in this module</h2>
          <ul className="list-disc pl-5">
            {lesson.sources.map((s) => (
              <li key={s.slug}>
                <Link href={`/learn/sources/${s.slug}`} className="text-accent underline">{s.title}</Link>
              </li>
            ))}
          </ul>
        </aside>
      )}
      <footer className="flex flex-col gap-4 border-t border-slate-200 pt-6 sm:flex-row sm:items-start sm:justify-between">
        <LessonProgress moduleSlug={moduleSlug} lessonSlug={lessonSlug} />
        <div className="flex flex-col gap-2 sm:items-end">
          <Link href={next.href} className="rounded-md border border-accent px-4 py-2 font-medium text-accent hover:bg-blue-50">
            {next.label} →
          </Link>
          {lesson.previous && (
            <Link href={`/learn/${moduleSlug}/${lesson.previous.slug}`} className="text-sm underline">
              ← Previous: {lesson.previous.title}
            </Link>
          )}
        </div>
      </footer>
    </article>
  );
}
