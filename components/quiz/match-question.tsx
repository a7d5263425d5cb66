"use client";

import type { TQuestionProps } from "./question-types";

/** Terms matching: each term gets a labelled select of who uses it. */
export function MatchQuestion({ question, value, onChange, disabled }: TQuestionProps<"match", { pairs: Record<string, string> }>) {
  const pairs = value?.pairs ?? {};
  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled}>
      <legend className="mb-2 font-medium">{question.prompt}</legend>
      {question.items.map((item) => (
        <div key={item.id} className="grid items-center gap-2 sm:grid-cols-2">
          <label htmlFor={`q-${question.id}-${item.id}`} className="font-serif">{item.text}</label>
          <select
            id={`q-${question.id}-${item.id}`}
            value={pairs[item.id] ?? ""}
            onChange={(e) => onChange({ pairs: { ...pairs, [item.id]: e.target.value } })}
            className="min-h-11 rounded border border-slate-400 bg-white p-2"
          >
            <option value="">Choose who uses it…</option>
            {question.choices.map((c) => (
              <option key={c.id} value={c.id}>{c.text}</option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
