/**
 * NUL (U+0000) is the one character Postgres cannot store in text or jsonb: a query carrying one fails
 * with an error, which a server action would turn into a 500. No form or editor of ours sends it (a
 * browser's text fields cannot hold it), so input holding one is refused with a message before any query.
 * Broken UTF-8 needs nothing here: a server action's body that is not UTF-8 is refused with a 400 before
 * Next reads it (scripts/serve.ts, lib/http/action-body.ts), and the JSON routes decode strictly
 * (lib/api-route.ts), so no text reaching this check holds a broken sequence.
 */
export const NUL_MESSAGE = "This contains an invisible NUL character; please retype it.";

const NUL = "\u0000";

/** The path (`field`, `axes.0.explanation`) of the first text in `value` (a form, an object, an array, a string) that holds a NUL, or null. */
export function nulPathOf(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes(NUL) ? path.join(".") || "form" : null;
  if (value instanceof FormData) {
    for (const [key, entry] of value) if (typeof entry === "string" && entry.includes(NUL)) return key;
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      if (key.includes(NUL)) return [...path, "form"].join(".");
      const found = nulPathOf(entry, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The form's fields holding a NUL, each with the message, or null: for a form action's `fieldErrors`. */
export function nulFieldErrors(formData: FormData): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const [key, entry] of formData) if (typeof entry === "string" && entry.includes(NUL)) fields[key.replace(/^\$/, "") || "form"] = NUL_MESSAGE;
  return Object.keys(fields).length ? fields : null;
}
