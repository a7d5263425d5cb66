import type { Metadata } from "next";
import { LessonArticle } from "@/components/course/lesson-article";
import { LessonProgress } from "@/components/learn/lesson-progress";
import { requirePageUser } from "@/lib/auth/session";
import { getPublishedLesson, getPublishedTerms } from "@/lib/learning/published-lessons";
import { orNotFound } from "@/lib/not-found";

type TParams = { moduleSlug: string; lessonSlug: string };

export async function generateMetadata({ params }: { params: Promise<TParams> }): Promise<Metadata> {
  const { lessonSlug } = await params;
  return { title: lessonSlug.replace(/-/g, " ") };
}

/**
 * Rendered per request (its scripts carry the response's CSP nonce, docs/decisions/011) from this
 * process's copy of the published lesson; the learner's own progress is fetched by the browser.
 */
export default async function LessonPage({ params }: { params: Promise<TParams> }) {
  const { moduleSlug, lessonSlug } = await params;
  await requirePageUser(`/learn/${moduleSlug}/${lessonSlug}`);
  const [lesson, allTerms] = await Promise.all([orNotFound(getPublishedLesson(moduleSlug, lessonSlug)), getPublishedTerms()]);
  // Only the terms this lesson uses travel to the browser.
  const used = new Set([...lesson.bodyHtml.matchAll(/data-term="([^"]+)"/g)].map((m) => m[1]));
  const terms = allTerms.filter((t) => used.has(t.id));
  return <LessonArticle lesson={lesson} moduleSlug={moduleSlug} terms={terms} progress={<LessonProgress moduleSlug={moduleSlug} lessonSlug={lessonSlug} />} />;
}
