import type { Metadata } from "next";
import { LessonArticle } from "@/components/course/lesson-article";
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
  return <LessonArticle lesson={lesson} moduleSlug={moduleSlug} terms={terms} progress={<LessonProgress moduleSlug={moduleSlug} lessonSlug={lessonSlug} />} />;
}
