"use client";

import type { TQuestionProps } from "./question-types";

/** Single choice (radio buttons) or multiple choice (checkboxes), in a fieldset named by the prompt. */
export function ChoiceQuestion({ question, value, onChange, disabled }: TQuestionProps<"choice", { selected: string[] }>) {
  const selected = value?.selected ?? [];
  const name = `q-${question.id}`;
  function pick(id: string, checked: boolean) {
    if (!question.multiple) return onChange({ selected: [id] });
    onChange({ selected: checked ? [...selected, id] : selected.filter((s) => s !== id) });
  }
  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled}>
      <legend className="mb-2 font-medium">
        {question.prompt}
        {question.multiple && <span className="block text-sm font-normal text-muted">Choose all that apply.</span>}
      </legend>
      {question.options.map((o) => (
        <label key={o.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 hover:bg-slate-50">
          <input
            type={question.multiple ? "checkbox" : "radio"}
            name={name}
            value={o.id}
            checked={selected.includes(o.id)}
            onChange={(e) => pick(o.id, e.target.checked)}
            className="mt-1 size-4"
          />
          <span>{o.text}</span>
        </label>
      ))}
    </fieldset>
  );
}
