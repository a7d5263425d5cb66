"use client";

import { useFormStateContext } from "./action-form";
import { useSelectDefault } from "./use-select-default";

type TOption = { value: string; label: string };

/** A labelled select inside an ActionForm; options may be grouped; the user's choice survives an error. */
export function FormSelect({
  label,
  name,
  defaultValue,
  options,
  groups,
  hint,
  id = name,
}: {
  id?: string;
  label: string;
  name: string;
  defaultValue?: string;
  options?: TOption[];
  groups?: { label: string; options: TOption[] }[];
  hint?: string;
}) {
  const state = useFormStateContext();
  const shown = useSelectDefault(name, defaultValue);
  const error = state.fieldErrors?.[name];
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <select
        key={shown}
        id={id}
        name={name}
        defaultValue={shown}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2"
      >
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
