import type { z } from "zod";
import { DATABASE_UNAVAILABLE_MESSAGE, describeDatabaseError, isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError, FieldsError } from "@/lib/errors";
import { fieldErrorsOf, type TFormState } from "@/lib/auth/form-state";
import { nulFieldErrors } from "@/lib/plain-text";

/** Everything the user typed, to put back in the form after an error (never passwords). */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

/**
 * The body of a form's server action: parses the form with `schema`, runs `fn`, and turns bad input or an
 * AppError into a message for the form, with what the user typed, so nothing is lost. `fn` may return a
 * success message. A database that cannot answer (down, or busy past its time limits) gets the usual
 * "try again" message, with what was typed kept; redirects and unexpected errors pass through. A field holding a NUL character (which
 * Postgres cannot store) is refused before anything runs, hidden `$` fields (ids the action reads itself) too.
 */
export async function runFormAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  fn: (input: z.infer<S>) => Promise<string | void>,
): Promise<TFormState> {
  const values = typedValues(formData);
  const nul = nulFieldErrors(formData);
  if (nul) return { fieldErrors: nul, error: "Please correct the fields marked below.", values };
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), error: "Please correct the fields marked below.", values };
  try {
    const ok = await fn(parsed.data);
    return { ok: ok ?? "Saved." };
  } catch (error) {
    if (error instanceof FieldsError) return { fieldErrors: error.fields, error: error.message, values };
    if (error instanceof AppError) return { error: error.message, values };
    if (isDatabaseUnavailable(error)) {
      console.error(`Database unavailable (form action): ${describeDatabaseError(error)}`);
      return { error: DATABASE_UNAVAILABLE_MESSAGE, values };
    }
    throw error;
  }
}
