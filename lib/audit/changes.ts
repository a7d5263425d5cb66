import { diffLines } from "diff";

export type TChange =
  | { path: string; kind: "value"; before: string | null; after: string | null }
  | { path: string; kind: "text"; lines: Array<{ op: "add" | "remove"; text: string }> };

const MAX_VALUE = 300;
const short = (v: unknown) => {
  if (v === undefined) return null;
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What an audited change changed, field by field: only the leaves that differ, with their path
 * ("questions.6.answer", "card.dateNote"), and long texts (a lesson body) as the lines added and removed.
 * The audit log shows this instead of two walls of JSON.
 */
export function describeChanges(before: unknown, after: unknown): TChange[] {
  const out: TChange[] = [];
  walk(before, after, "", out);
  return out;
}

function walk(before: unknown, after: unknown, path: string, out: TChange[]) {
  if (same(before, after)) return;
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((b, i) => walk(b, after[i], path ? `${path}.${i}` : String(i), out));
    return;
  }
  if (typeof before === "string" && typeof after === "string" && (before.includes("\n") || after.includes("\n") || before.length > 120)) {
    const lines = diffLines(before, after).flatMap((part) =>
      part.added || part.removed
        ? part.value.replace(/\n$/, "").split("\n").map((text) => ({ op: part.added ? ("add" as const) : ("remove" as const), text }))
        : [],
    );
    out.push({ path: path || "(value)", kind: "text", lines });
    return;
  }
  out.push({ path: path || "(value)", kind: "value", before: short(before), after: short(after) });
}
