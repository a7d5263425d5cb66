import { z } from "zod";
import { ZSource, type TSource } from "@/lib/content/schemas";

/**
 * The source form's fields, flat as a form posts them; `toSource` turns them into the content schema's
 * shape, so a source added in the app is checked by exactly the rules the files are.
 */
export const SOURCE_FIELDS = [
  "slug", "title", "authors", "bylineNote", "outletName", "outletKind", "outletUrl", "publishedAt", "dateNote",
  "url", "urlNote", "genre", "stanceStatement", "voice", "voiceNote", "rights", "body",
] as const;
export type TSourceForm = Record<(typeof SOURCE_FIELDS)[number], string>;

const optional = (v: string) => (v.trim() === "" ? undefined : v.trim());
const nullable = (v: string) => (v.trim() === "" ? null : v.trim());

/** "Name — Affiliation" (an em or en dash, " | " or " - " between them), one author per line. */
export function parseAuthors(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      // Only the first separator splits: an affiliation keeps its own dashes ("SCEEUS – Stockholm Centre").
      const separator = line.match(/\s+[—–|]\s+|\s+-\s+/);
      if (!separator) return { name: line, affiliation: "" };
      return { name: line.slice(0, separator.index).trim(), affiliation: line.slice(separator.index! + separator[0].length).trim() };
    });
}

export function formatAuthors(authors: TSource["authors"]) {
  return authors.map((a) => `${a.name} — ${a.affiliation}`).join("\n");
}

/**
 * Pasted article text made into the stored form: one line per paragraph, one blank line between them, no
 * tabs, carriage returns or no-break spaces. Evidence offsets index this string, so it must be exact.
 */
export function normalizeBody(text: string) {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\u00a0]/g, " ")
    .split(/\n\s*\n/)
    .map((p) => p.split("\n").map((l) => l.trim()).filter(Boolean).join(" ").replace(/ {2,}/g, " "))
    .filter(Boolean)
    .join("\n\n");
}

/** A field name for each path the content schema reports on. */
function fieldOf(path: PropertyKey[]): string {
  const [head, sub] = path.map(String);
  if (head === "outlet") return sub === "url" ? "outletUrl" : sub === "kind" ? "outletKind" : "outletName";
  return head ?? "form";
}

export function toSource(form: TSourceForm, status: TSource["status"]) {
  const candidate = {
    slug: form.slug.trim(),
    title: form.title.trim(),
    authors: parseAuthors(form.authors),
    bylineNote: optional(form.bylineNote),
    outlet: { name: form.outletName.trim(), kind: form.outletKind.trim(), url: nullable(form.outletUrl) },
    publishedAt: form.publishedAt.trim(),
    dateNote: optional(form.dateNote),
    url: nullable(form.url),
    urlNote: optional(form.urlNote),
    genre: form.genre,
    stanceStatement: nullable(form.stanceStatement),
    voice: form.voice,
    voiceNote: optional(form.voiceNote),
    rights: form.rights.trim(),
    language: "en",
    status,
    body: normalizeBody(form.body),
  };
  const parsed = ZSource.safeParse(candidate);
  if (parsed.success) return { source: parsed.data, fieldErrors: null };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    const detail = field === "authors" && issue.path.length > 1 ? `Line ${Number(issue.path[1]) + 1}: ${issue.message}` : issue.message;
    fieldErrors[field] ??= detail;
  }
  return { source: null, fieldErrors };
}

/** A form's values read as strings (missing fields are empty). */
export const ZSourceFormData = z.object(
  Object.fromEntries(SOURCE_FIELDS.map((f) => [f, z.string().max(f === "body" ? 200_000 : 2_000).default("")])) as Record<
    (typeof SOURCE_FIELDS)[number],
    z.ZodDefault<z.ZodString>
  >,
);
