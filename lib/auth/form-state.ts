import type { z } from "zod";

/** What an auth form gets back: a message, errors per field, and what the user typed (never the password). */
export type TFormState = {
  error?: string;
  /** A success message, announced politely. */
  ok?: string;
  fieldErrors?: Record<string, string | undefined>;
  values?: Record<string, string>;
};

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
