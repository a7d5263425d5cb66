"use client";

import type { TSaveState } from "./save-queue";

const plural = (n: number) => `${n} ${n === 1 ? "answer" : "answers"}`;

/** Tells the learner, politely and at all times, whether their answers are safely saved. */
export function SaveStatus({ state }: { state: TSaveState }) {
  const text =
    state.kind === "saved"
      ? "All answers saved."
      : state.kind === "saving"
        ? "Saving…"
        : state.kind === "offline"
          ? `You are offline. ${plural(state.pending)} kept on this device; they will be saved when you are back online.`
          : `${state.message} ${plural(state.pending)} kept on this device; retrying.`;
  const tone = state.kind === "saved" ? "text-green-800" : state.kind === "saving" ? "text-muted" : "text-amber-900 bg-amber-50";
  return (
    <p role="status" aria-live="polite" className={`rounded px-2 py-1 text-sm ${tone}`}>
      {text}
    </p>
  );
}
