import "server-only";
import { forgetLessonPages } from "@/lib/http/lesson-page-cache";
import { getLessonContent, getTerms } from "./queries";

// Published lessons are the same for every learner and change only when an admin edits them, so each
// process keeps them for half a minute, and the lesson pages rendered from them as well
// (lib/http/lesson-page-cache.ts, docs/decisions/012). Admin edits call `forgetPublishedLessons`, which
// drops both at once; other processes catch up within a minute (half a minute for each copy).
const TTL_MS = 30_000;
const MAX_ENTRIES = 500;
type TEntry<T> = { at: number; value: Promise<T> };
const lessons = new Map<string, TEntry<Awaited<ReturnType<typeof getLessonContent>>>>();
let terms: TEntry<Awaited<ReturnType<typeof getTerms>>> | null = null;

function fresh<T>(entry: TEntry<T> | null | undefined): entry is TEntry<T> {
  return !!entry && Date.now() - entry.at < TTL_MS;
}

/** A published lesson as learners see it; a failed or missing read is not kept. */
export function getPublishedLesson(moduleSlug: string, lessonSlug: string) {
  const key = `${moduleSlug}/${lessonSlug}`;
  const hit = lessons.get(key);
  if (fresh(hit)) return hit.value;
  const value = getLessonContent(moduleSlug, lessonSlug);
  if (lessons.size >= MAX_ENTRIES) lessons.clear();
  lessons.set(key, { at: Date.now(), value });
  value.catch(() => lessons.delete(key));
  return value;
}

/** The contested terms, for the lens. */
export function getPublishedTerms() {
  if (fresh(terms)) return terms.value;
  const value = getTerms();
  terms = { at: Date.now(), value };
  value.catch(() => (terms = null));
  return value;
}

/** Drops this process's copies, and the lesson pages made from them, after an admin edits content. */
export function forgetPublishedLessons() {
  lessons.clear();
  terms = null;
  forgetLessonPages();
}
