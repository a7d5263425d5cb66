"use client";

import type { TextareaHTMLAttributes } from "react";
import { useFormStateContext } from "./action-form";

/** A labelled textarea inside an ActionForm: its hint and error are tied to it, and what was typed survives an error. */
export function FormTextarea({
  label,
  name,
  defaultValue,
  hint,
  id = name,
  className = "",
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; defaultValue?: string; hint?: React.ReactNode }) {
  const state = useFormStateContext();
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
      <textarea
        id={id}
        name={name}
        defaultValue={state.values?.[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`rounded-md border border-slate-500 bg-white px-3 py-2 ${className}`}
        {...props}
      />
      {error && (
        <p id={`${id}-error`} className="whitespace-pre-wrap text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
