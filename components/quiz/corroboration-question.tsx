"use client";

import type { TQuestionProps } from "./question-types";

/** Flag the quoted statements that are unsourced or do not fit the dated record. */
export function CorroborationQuestion({ question, value, onChange, disabled }: TQuestionProps<"corroboration", { flagged: string[] }>) {
  const flagged = value?.flagged ?? [];
  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled}>
      <legend className="mb-2 font-medium">
        {question.prompt}
        <span className="block text-sm font-normal text-muted">Tick every statement you would flag.</span>
      </legend>
      {question.statements.map((s) => (
        <label key={s.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 hover:bg-slate-50">
          <input
            type="checkbox"
            checked={flagged.includes(s.id)}
            onChange={(e) => onChange({ flagged: e.target.checked ? [...flagged, s.id] : flagged.filter((f) => f !== s.id) })}
            className="mt-1 size-4"
          />
          <q className="font-serif">{s.quote}</q>
        </label>
      ))}
    </fieldset>
  );
}
