import { parseDocument, stringify as stringifyYaml } from "yaml";

/**
 * Front matter for the course's Markdown files (sources and lessons): a first line of exactly `---`, YAML,
 * a line of exactly `---`, then the body.
 *
 * NOTE: written here instead of using gray-matter, because gray-matter picks a parser from the opening
 * line, and `---js` selects one that `eval`s the text (a course zip is uploaded by admins and may come
 * from anyone). Here the front matter is only ever YAML, read by the `yaml` package, which builds plain
 * data (no custom tags, a cap on alias expansion); any other opening line is refused, never interpreted.
 */
export type TFrontMatter = { data: unknown; body: string };

/** A file's front matter cannot be read; the message says why in words an author can act on. */
export class FrontMatterError extends Error {
  override name = "FrontMatterError";
}

const FENCE = "---";

export function parseFrontMatter(text: string): TFrontMatter {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = source.split(/\r?\n/);
  const first = lines[0] ?? "";
  if (first.trimEnd() !== FENCE) {
    if (first.startsWith(FENCE)) {
      throw new FrontMatterError(
        `the first line must be exactly "---" (found "${first.slice(0, 40)}"): front matter is read as YAML only, never as code`,
      );
    }
    throw new FrontMatterError('the file must start with a line "---", then the YAML front matter, then another line "---"');
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === FENCE);
  if (end === -1) throw new FrontMatterError('the front matter has no closing line "---"');

  let data: unknown;
  try {
    data = parseYamlData(lines.slice(1, end).join("\n")) ?? {};
  } catch (error) {
    throw new FrontMatterError(`cannot read the YAML front matter: ${(error as Error).message}`);
  }
  return { data, body: lines.slice(end + 1).join("\n") };
}

/**
 * YAML as plain data (strings, numbers, booleans, null, lists, maps). A tag the YAML core schema does not
 * know (`!!js/function`, `!!python/object`, …) is refused, not quietly read as a string: whoever wrote it
 * meant something else than what we would store.
 */
export function parseYamlData(text: string): unknown {
  const doc = parseDocument(text);
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new Error(problem.message);
  // NOTE: toJS refuses a document whose aliases expand past 100 nodes ("billion laughs").
  return doc.toJS({ maxAliasCount: 100 });
}

/** The inverse of `parseFrontMatter`: `---`, the data as YAML (undefined fields left out), `---`, the body. */
export function stringifyFrontMatter(data: object, body: string): string {
  const yaml = stringifyYaml(data, { lineWidth: 0, aliasDuplicateObjects: false });
  return `${FENCE}\n${yaml}${FENCE}\n${body.endsWith("\n") ? body : `${body}\n`}`;
}
