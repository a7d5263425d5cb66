"use client";

import type { TQuestionProps } from "./question-types";

const AXIS_LABEL = { genre: "Genre", stance: "Stance toward the parties", "source-kind": "Kind of source" } as const;

/** Classifies one article on several axes (genre, stance, kind of source): one radio group per axis. */
export function PerspectiveQuestion({ question, value, onChange, disabled }: TQuestionProps<"perspective", { axes: Record<string, string> }>) {
  const axes = value?.axes ?? {};
  return (
    <fieldset className="flex flex-col gap-4" disabled={disabled}>
      <legend className="mb-2 font-medium">{question.prompt}</legend>
      {question.axes.map((axis) => (
        <fieldset key={axis.axis} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 font-medium">
            {AXIS_LABEL[axis.axis]}: <span className="font-normal">{axis.prompt}</span>
          </legend>
          <div className="mt-2 flex flex-col gap-1">
            {axis.options.map((o) => (
              <label key={o.id} className="flex cursor-pointer items-start gap-3 rounded p-2 hover:bg-slate-50">
                <input
                  type="radio"
                  name={`q-${question.id}-${axis.axis}`}
                  value={o.id}
                  checked={axes[axis.axis] === o.id}
                  onChange={() => onChange({ axes: { ...axes, [axis.axis]: o.id } })}
                  className="mt-1 size-4"
                />
                <span>{o.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}
