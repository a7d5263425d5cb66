"use client";

import { useState } from "react";
import type { TQuestionProps } from "./question-types";

/**
 * Timeline ordering: drag an event with the mouse, or use its Move earlier / Move later buttons from the
 * keyboard. The new position is announced. Until the learner moves something, the shown order is saved
 * as their answer only when they confirm it.
 */
export function OrderQuestion({ question, value, onChange, disabled }: TQuestionProps<"order", { order: string[] }>) {
  const shown = value?.order?.length === question.events.length ? value.order : question.events.map((e) => e.id);
  const [dragged, setDragged] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const textOf = (id: string) => question.events.find((e) => e.id === id)?.text ?? id;

  function move(from: number, to: number) {
    if (to < 0 || to >= shown.length || from === to) return;
    const next = [...shown];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange({ order: next });
    setAnnouncement(`${textOf(item!)} moved to position ${to + 1} of ${next.length}.`);
    requestAnimationFrame(() => document.getElementById(`q-${question.id}-${item}-${to < from ? "up" : "down"}`)?.focus());
  }

  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled}>
      <legend className="mb-2 font-medium">
        {question.prompt}
        <span className="block text-sm font-normal text-muted">Earliest at the top. Drag, or use the buttons.</span>
      </legend>
      <ol className="flex flex-col gap-2">
        {shown.map((id, i) => (
          <li
            key={id}
            draggable={!disabled}
            onDragStart={() => setDragged(id)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => dragged && move(shown.indexOf(dragged), i)}
            className="flex items-center gap-3 rounded-md border border-slate-300 bg-white p-2"
          >
            <span aria-hidden="true" className="cursor-grab select-none px-1 text-slate-500">⠿</span>
            <span className="w-6 text-right font-semibold">{i + 1}.</span>
            <span className="flex-1">{textOf(id)}</span>
            <button
              type="button"
              id={`q-${question.id}-${id}-up`}
              onClick={() => move(i, i - 1)}
              disabled={i === 0}
              aria-label={`Move earlier: ${textOf(id)}`}
              className="min-h-11 min-w-11 rounded border border-slate-400 disabled:opacity-40"
            >
              ↑
            </button>
            <button
              type="button"
              id={`q-${question.id}-${id}-down`}
              onClick={() => move(i, i + 1)}
              disabled={i === shown.length - 1}
              aria-label={`Move later: ${textOf(id)}`}
              className="min-h-11 min-w-11 rounded border border-slate-400 disabled:opacity-40"
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      {!value?.order?.length && (
        <button type="button" onClick={() => onChange({ order: shown })} className="self-start text-sm underline">
          This order is my answer
        </button>
      )}
      <p aria-live="polite" className="sr-only">{announcement}</p>
    </fieldset>
  );
}
