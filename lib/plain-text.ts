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

/**
 * The path (`field`, `axes.0.explanation`) of the first text in `value` (a form, an object, an array, a
 * string) that holds a NUL, or null. NOTE: a walk with its own stack, each entry pointing at its parent,
 * not recursion: a JSON body nested thousands deep (issue 15) overflowed the call stack, and copying the
 * path at every level made it quadratic. The path is built only for the one entry that holds a NUL.
 */
export function nulPathOf(value: unknown): string | null {
  if (value instanceof FormData) {
    for (const [key, entry] of value) if (typeof entry === "string" && entry.includes(NUL)) return key;
    return null;
  }
  type TEntry = { value: unknown; key: string | null; parent: TEntry | null };
  const pathOf = (entry: TEntry, last?: string) => {
    const keys: string[] = last === undefined ? [] : [last];
    for (let e: TEntry | null = entry; e && e.key !== null; e = e.parent) keys.push(e.key);
    return keys.reverse().join(".") || "form";
  };
  const stack: TEntry[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (typeof entry.value === "string") {
      if (entry.value.includes(NUL)) return pathOf(entry);
    } else if (entry.value && typeof entry.value === "object") {
      const children = Object.entries(entry.value);
      for (const [key] of children) if (key.includes(NUL)) return pathOf(entry, "form");
      // Pushed last to first, so the first field is looked at first (the path named is the first one).
      for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i]![1], key: children[i]![0], parent: entry });
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
