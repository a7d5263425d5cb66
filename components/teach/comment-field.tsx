"use client";

import { useFormStateContext } from "@/components/forms/action-form";

/** The instructor's comment on one student's item, kept after a failed save. */
export function CommentField({ id, defaultValue }: { id: string; defaultValue: string }) {
  const state = useFormStateContext();
  const error = state.fieldErrors?.comment;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        Your comment to the student
      </label>
      <textarea
        id={id}
        name="comment"
        rows={3}
        maxLength={4000}
        defaultValue={state.values?.comment ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-md border border-slate-500 bg-white px-3 py-2"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
