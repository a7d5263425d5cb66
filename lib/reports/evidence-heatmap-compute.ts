import type { TActivityResult } from "@/lib/grading/feedback";

type TRange = readonly [number, number];
export type TRun = { start: number; end: number; count: number };
export type TGroupKey = "correct" | "wrong" | "unknown";
export type THeatGroup = { key: TGroupKey; students: number; runs: TRun[]; top: { text: string; count: number }[] };

/**
 * Stretches of the text with how many of the given highlight sets cover them (maximal runs of equal
 * count, count > 0): a sweep over the range ends, so the cost grows with the number of ranges, not with
 * text length × students. Each student's own ranges are merged first, so one student counts once.
 */
export function coverageRuns(highlights: readonly (readonly TRange[])[]): TRun[] {
  const events: [number, number][] = [];
  for (const ranges of highlights) {
    const sorted = [...ranges].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
    let cur: [number, number] | null = null;
    for (const [a, b] of sorted) {
      if (cur && a <= cur[1]) cur[1] = Math.max(cur[1], b);
      else {
        if (cur) events.push([cur[0], 1], [cur[1], -1]);
        cur = [a, b];
      }
    }
    if (cur) events.push([cur[0], 1], [cur[1], -1]);
  }
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const runs: TRun[] = [];
  let count = 0;
  let at = 0;
  for (const [pos, delta] of events) {
    if (pos > at && count > 0) {
      const last = runs[runs.length - 1];
      if (last && last.end === at && last.count === count) last.end = pos;
      else runs.push({ start: at, end: pos, count });
    }
    count += delta;
    at = pos;
  }
  return runs;
}

/** The `limit` most-highlighted stretches, as text: what a screen reader user reads instead of the shading. */
export function topPassages(body: string, runs: readonly TRun[], limit = 5) {
  return [...runs]
    .sort((x, y) => y.count - x.count || y.end - y.start - (x.end - x.start) || x.start - y.start)
    .slice(0, limit)
    .map((r) => {
      const text = body.slice(r.start, r.end).trim();
      return { text: text.length > 240 ? `${text.slice(0, 237)}…` : text, count: r.count };
    })
    .filter((p) => p.text.length > 0);
}

/**
 * Whether the student classified `source` correctly in this attempt: the stance axis of the perspective
 * question on the same source. Null when the attempt has no such question.
 */
export function classifiedCorrectly(result: TActivityResult, source: string): boolean | null {
  for (const q of result.questions) {
    if (q.feedback.type !== "perspective" || q.feedback.source !== source) continue;
    const stance = q.feedback.axes.find((a) => a.axis === "stance") ?? q.feedback.axes[0];
    return stance ? stance.correct : null;
  }
  return null;
}

/**
 * The heatmap of one article over a set of first submissions: each evidence answer on it, grouped by
 * whether the same student classified the article correctly.
 */
export function buildHeatmap(body: string, source: string, results: readonly TActivityResult[]): THeatGroup[] {
  const groups: Record<TGroupKey, TRange[][]> = { correct: [], wrong: [], unknown: [] };
  for (const result of results) {
    for (const q of result.questions) {
      if (q.feedback.type !== "evidence" || q.feedback.source !== source || !q.answered) continue;
      const ok = classifiedCorrectly(result, source);
      groups[ok === null ? "unknown" : ok ? "correct" : "wrong"].push(q.feedback.selected.map((r) => [r[0], r[1]] as const));
    }
  }
  return (["correct", "wrong", "unknown"] as const)
    .filter((key) => key !== "unknown" || groups.unknown.length > 0)
    .map((key) => {
      const runs = coverageRuns(groups[key]);
      return { key, students: groups[key].length, runs, top: topPassages(body, runs) };
    });
}
