"use client";

import { useEffect, useState } from "react";
import { getLessonProgressAction, recordLessonVisitAction, setLessonCompleteAction } from "@/app/(student)/learn/actions";

type TProps = { moduleSlug: string; lessonSlug: string };

const scrolled = () => {
  const max = document.documentElement.scrollHeight - window.innerHeight;
  return max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 0;
};

/**
 * Brings the learner back to where they stopped reading, remembers how far they get, and lets them
 * mark the lesson complete. Both are saved in the database, so they follow the learner across devices.
 */
export function LessonProgress({ moduleSlug, lessonSlug }: TProps) {
  const [completed, setCompleted] = useState<boolean | null>(null);
  const [status, setStatus] = useState("");

  useEffect(() => {
    let live = true;
    void getLessonProgressAction({ moduleSlug, lessonSlug })
      .then((result) => {
        if (!live) return;
        if (!result.ok) throw new Error(result.error);
        const { position } = result.data;
        setCompleted(result.data.completed);
        if (position > 0.02 && position < 0.98 && window.scrollY === 0) {
          const max = document.documentElement.scrollHeight - window.innerHeight;
          window.scrollTo({ top: position * max });
          setStatus("Welcome back: we scrolled to where you stopped reading.");
        }
        void recordLessonVisitAction({ moduleSlug, lessonSlug, position: position || scrolled() }).catch(() => {});
      })
      .catch(() => {
        if (live) setStatus("Could not load your progress. Check your connection and reload the page.");
      });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void recordLessonVisitAction({ moduleSlug, lessonSlug, position: scrolled() }).catch(() => {}), 1500);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      live = false;
      clearTimeout(timer);
      window.removeEventListener("scroll", onScroll);
    };
  }, [moduleSlug, lessonSlug]);

  async function toggle() {
    const next = !completed;
    setCompleted(next);
    try {
      const result = await setLessonCompleteAction({ moduleSlug, lessonSlug, completed: next });
      if (!result.ok) throw new Error(result.error);
      setStatus(next ? "Lesson marked as complete." : "Lesson marked as not complete.");
    } catch {
      setCompleted(!next);
      setStatus("Could not save. Check your connection and try again.");
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        onClick={toggle}
        disabled={completed === null}
        aria-pressed={completed ?? false}
        className={`min-h-11 self-start rounded-md px-4 py-2 font-medium ${completed ? "border border-green-700 bg-green-50 text-green-900" : "bg-accent text-white hover:bg-accent-strong"}`}
      >
        {completed ? "✓ Completed" : "Mark lesson complete"}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-muted">{status}</p>
    </div>
  );
}
