import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { TermLens } from "@/components/course/term-lens";
import type { TTerm } from "@/lib/content/schemas";
import type { getLessonContent } from "@/lib/learning/queries";

type TLesson = Awaited<ReturnType<typeof getLessonContent>>;

/**
 * A lesson as learners read it. The lesson page and the admin's preview both render this, so a preview
 * is exactly what learners will see; `progress` is the learner's own progress control (none in a preview).
 */
export function LessonArticle({ lesson, moduleSlug, terms, progress }: { lesson: TLesson; moduleSlug: string; terms: TTerm[]; progress?: React.ReactNode }) {
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
        {progress ?? <span />}
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
