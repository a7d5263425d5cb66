"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { TPublicActivity } from "@/lib/content/public-activity";
import { submitAttemptRequest } from "./attempt-api";
import { focusAfterRender, takeFocusRequest } from "./focus-after-render";
import { Question } from "./question";
import type { TSourceText } from "./question-types";
import { createSaveQueue, readPending, type TSaveState } from "./save-queue";
import { SaveStatus } from "./save-status";

type TProps = {
  attemptId: string;
  activity: TPublicActivity;
  sources: TSourceText[];
  /** The answers stored on the server, each with its save number (decision 006). */
  saved: Record<string, { value: unknown; seq: number }>;
};

/**
 * Plays an open attempt: every answer is autosaved as it is given (kept in the browser while offline),
 * and submitting sends every answer again with the request, so a submission never loses one.
 */
export function ActivityPlayer({ attemptId, activity, sources, saved }: TProps) {
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, unknown>>(() => Object.fromEntries(Object.entries(saved).map(([q, a]) => [q, a.value])));
  // Each answer's save number: submission sends these, so a stale tab never overrides a later answer.
  const seqOf = useRef<Record<string, number | undefined>>(Object.fromEntries(Object.entries(saved).map(([q, a]) => [q, a.seq])));
  const [state, setState] = useState<TSaveState>({ kind: "saved", at: null });
  const [message, setMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [confirmingGaps, setConfirmingGaps] = useState(false);
  // A server error (the database away, say) is shown until the queue has saved everything again; then it
  // is stale, and the status line's "All answers saved." would contradict it.
  const serverTrouble = useRef(false);
  const queue = useMemo(
    () =>
      createSaveQueue(
        attemptId,
        Math.max(0, ...Object.values(saved).map((a) => a.seq)),
        (next) => {
          setState(next);
          if (next.kind === "saved" && serverTrouble.current) {
            serverTrouble.current = false;
            setMessage(null);
          }
        },
        (code, error) => {
          if (code === "CONFLICT") return router.refresh();
          serverTrouble.current = code === "SERVER";
          setMessage(error);
        },
        ({ questionId, kept }, error) => {
          // Another tab or device saved a later answer: show it, and say which question and why.
          setAnswers((a) => ({ ...a, [questionId]: kept.value }));
          seqOf.current[questionId] = kept.seq;
          const number = activity.questions.findIndex((q) => q.id === questionId) + 1;
          setMessage(`Question ${number}: ${error}`);
        },
      ),
    // NOTE: `saved` and `activity` are the page's first render; the queue is made once per attempt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [attemptId, router],
  );
  const submitWanted = useRef(false);
  const firstQuestion = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // After Retake, the new attempt starts at its first question, read out as "Question 1 of n".
    if (takeFocusRequest("first-question")) firstQuestion.current?.focus();
  }, []);

  useEffect(() => {
    // Answers given on this device but never confirmed (offline, closed tab) win over the server copy.
    const pending = readPending(attemptId);
    for (const p of Object.values(pending)) seqOf.current[p.questionId] = p.seq;
    // NOTE: localStorage exists only in the browser, so it is read after hydration, once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (Object.keys(pending).length) setAnswers((a) => ({ ...a, ...Object.fromEntries(Object.values(pending).map((p) => [p.questionId, p.value])) }));
    void queue.flush();
    const online = () => {
      void queue.flush().then((ok) => ok && submitWanted.current && void submit());
    };
    const closing = () => queue.flushOnExit();
    window.addEventListener("online", online);
    window.addEventListener("pagehide", closing);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("pagehide", closing);
      queue.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attemptId, queue]);

  function answer(questionId: string, value: unknown) {
    setAnswers((a) => ({ ...a, [questionId]: value }));
    setMessage(null);
    seqOf.current[questionId] = queue.push(questionId, value);
  }

  async function submit() {
    setSubmitting(true);
    submitWanted.current = true;
    setMessage(null);
    const now = new Date().toISOString();
    const all = Object.entries(answers).map(([questionId, value]) => ({ questionId, value, seq: seqOf.current[questionId], answeredAt: now }));
    try {
      const result = await submitAttemptRequest(attemptId, all);
      if (!result.ok) {
        setMessage(result.error);
        setSubmitting(false);
        return;
      }
      submitWanted.current = false;
      queue.clear();
      // The result replaces this form, submit button and all: its heading takes the focus (ResultHeading).
      focusAfterRender("result");
      router.refresh();
    } catch {
      setMessage("You seem to be offline. Your answers are kept on this device, and we will submit as soon as you are back online.");
      setState({ kind: "offline", pending: Object.keys(queue.pending()).length });
      setSubmitting(false);
    }
  }

  const answeredCount = activity.questions.filter((q) => isAnswered(answers[q.id])).length;
  const sourceOf = (slug: string) => sources.find((s) => s.slug === slug);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const gaps = activity.questions.flatMap((q, i) => (isAnswered(answers[q.id]) ? [] : [i + 1]));
        if (gaps.length > 0 && !confirmingGaps) {
          // Ask once, without a modal: the learner may have missed a question further up.
          setConfirmingGaps(true);
          setMessage(`${gaps.length === 1 ? "Question" : "Questions"} ${gaps.join(", ")} ${gaps.length === 1 ? "is" : "are"} not answered yet. Answer ${gaps.length === 1 ? "it" : "them"}, or submit anyway.`);
          return;
        }
        void submit();
      }}
      className="flex flex-col gap-6"
      aria-label={activity.title}
    >
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-paper/95 py-2">
        <span className="text-sm">{answeredCount} of {activity.questions.length} answered</span>
        <SaveStatus state={state} />
      </div>
      <ol className="flex flex-col gap-8">
        {activity.questions.map((q, i) => (
          <li key={q.id} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`q-${q.id}-number`}>
            <h2 id={`q-${q.id}-number`} ref={i === 0 ? firstQuestion : undefined} tabIndex={i === 0 ? -1 : undefined} className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">
              Question {i + 1} of {activity.questions.length}
            </h2>
            <Question question={q} value={answers[q.id]} onChange={(v) => answer(q.id, v)} sourceOf={sourceOf} sources={sources} />
          </li>
        ))}
      </ol>
      <div role="alert" aria-live="assertive">
        {message && <p className="rounded-md border border-amber-300 bg-amber-50 p-3">{message}</p>}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={submitting} className="min-h-11 rounded-md bg-accent px-5 py-2 font-medium text-white hover:bg-accent-strong disabled:bg-slate-400">
          {submitting ? "Submitting…" : confirmingGaps ? "Submit anyway" : activity.kind === "quiz" ? "Submit quiz" : "Submit exercise"}
        </button>
        <span className="text-sm text-muted">You can leave and come back: your answers are saved as you go.</span>
      </div>
    </form>
  );
}

/** An answer counts once it holds something: a choice, a highlight, a word. */
function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return Object.values(value as Record<string, unknown>).some((v) =>
    Array.isArray(v) ? v.length > 0 : typeof v === "string" ? v.trim().length > 0 : v && typeof v === "object" ? Object.keys(v).length > 0 : Boolean(v),
  );
}
