"use client";

import { useFormStateContext } from "@/components/forms/action-form";

/** The course zip to import, with its error tied to it. */
export function ImportFileField() {
  const error = useFormStateContext().fieldErrors?.file;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="file" className="font-medium">Course file (.zip)</label>
      <input
        id="file"
        name="file"
        type="file"
        accept=".zip,application/zip"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "file-error" : undefined}
        className="rounded-md border border-slate-500 bg-white px-3 py-2"
      />
      {error && <p id="file-error" className="whitespace-pre-wrap text-sm text-red-800">{error}</p>}
    </div>
  );
}
