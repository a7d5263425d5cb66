import type { Metadata } from "next";
import Link from "next/link";
import { LessonArticle } from "@/components/course/lesson-article";
import { requirePageUser } from "@/lib/auth/session";
import { getLessonForEdit } from "@/lib/authoring/queries";
import { getLessonContent, getTerms } from "@/lib/learning/queries";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Lesson preview" };

/** A lesson, draft or not, rendered by the very component the learners' lesson page uses. Never cached. */
export default async function LessonPreviewPage({ params }: { params: Promise<{ lessonId: string }> }) {
  const { lessonId } = await params;
  const actor = await requirePageUser(`/admin/content/lessons/${lessonId}/preview`, "ADMIN");
  const ref = await orNotFound(getLessonForEdit(actor, lessonId));
  const [lesson, allTerms] = await Promise.all([orNotFound(getLessonContent(ref.module.slug, ref.slug, true)), getTerms()]);
  const used = new Set([...lesson.bodyHtml.matchAll(/data-term="([^"]+)"/g)].map((m) => m[1]));
  return (
    <div className="flex flex-col gap-4">
      <p role="note" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-sm">
        Preview{ref.status === "DRAFT" ? " of a draft: learners do not see this lesson yet" : ""}.{" "}
        <Link href={`/admin/content/lessons/${lessonId}`} className="underline">Back to editing</Link>
      </p>
      <LessonArticle lesson={lesson} moduleSlug={ref.module.slug} terms={allTerms.filter((t) => used.has(t.id))} />
    </div>
  );
}
