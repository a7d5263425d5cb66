"use client";

import { useEffect, useRef, useState } from "react";
import type { TQuestionProps } from "./question-types";

/** The longest answer kept; the box stops there, and says so once it is near (a paste beyond it is cut). */
const MAX_CHARACTERS = 5000;
const countWords = (text: string) => (text.trim() ? text.trim().split(/\s+/).length : 0);

/** A short written justification, read later by an instructor. Saved a moment after typing stops. */
export function WrittenQuestion({ question, value, onChange, disabled }: TQuestionProps<"written", { text: string }>) {
  const [text, setText] = useState(value?.text ?? "");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  function update(next: string) {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange({ text: next }), 600);
  }
  const words = countWords(text);
  const id = `q-${question.id}-text`;
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="font-medium">{question.prompt}</label>
      {question.guidance && <p id={`${id}-guidance`} className="text-sm text-muted">{question.guidance}</p>}
      <textarea
        id={id}
        value={text}
        onChange={(e) => update(e.target.value)}
        onBlur={() => {
          clearTimeout(timer.current);
          if (text !== (value?.text ?? "")) onChange({ text });
        }}
        aria-describedby={question.guidance ? `${id}-guidance` : undefined}
        maxLength={MAX_CHARACTERS}
        rows={5}
        disabled={disabled}
        className="rounded-md border border-slate-500 bg-white p-3 font-serif"
      />
      <p className="text-sm text-muted">
        {words} {words === 1 ? "word" : "words"}
        {question.minWords ? ` (aim for at least ${question.minWords})` : ""}. Not scored: your instructor reads it.
      </p>
      <p role="status" className="text-sm font-medium text-red-800">
        {text.length >= MAX_CHARACTERS
          ? `This is the limit of ${MAX_CHARACTERS.toLocaleString("en")} characters: anything beyond it was not kept.`
          : text.length > MAX_CHARACTERS * 0.9
            ? `${(MAX_CHARACTERS - text.length).toLocaleString("en")} characters left.`
            : ""}
      </p>
    </div>
  );
}
