import { isNode, LineCounter, parseDocument, stringify } from "yaml";
import { ZActivity, type TActivity } from "@/lib/content/activity-schema";

export type TYamlResult = { activity: TActivity; error: null } | { activity: null; error: string };

/** The activity as an admin edits it: the same YAML as a content/ file. */
export function activityToYaml(activity: TActivity): string {
  // Re-parsed so keys come out in the schema's order, whatever order the database kept them in.
  const { status: _status, ...definition } = ZActivity.parse(activity);
  return stringify(definition, { lineWidth: 110 });
}

/**
 * Reads an activity typed as YAML and checks it with the content schema. The error names the field and
 * the line it is on, e.g. `questions.2.axes.0.answer (line 48): answer "x" is not an option`.
 */
export function parseActivityYaml(text: string): TYamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/\r\n?/g, "\n"), { lineCounter, prettyErrors: false });
  // A warning is an unknown tag (`!!js/function`): refused like an error, never read as something else.
  const e = doc.errors[0] ?? doc.warnings[0];
  if (e) {
    // NOTE: with prettyErrors off the parser leaves `linePos` empty; the line comes from the offset.
    const line = lineCounter.linePos(e.pos[0]).line;
    return { activity: null, error: `YAML${line ? ` (line ${line})` : ""}: ${e.message.split("\n")[0]}` };
  }
  const parsed = ZActivity.safeParse(doc.toJS());
  if (parsed.success) return { activity: parsed.data, error: null };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  // Point at the deepest node that exists on the path.
  let line: number | undefined;
  for (let n = path.length; n >= 0 && line === undefined; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  const field = path.length > 0 ? path.join(".") : "(activity)";
  return { activity: null, error: `${field}${line ? ` (line ${line})` : ""}: ${issue.message}` };
}
