/** A half-open character range [start, end) into a source body string. */
export type TRange = [number, number];

/** The evidence rule in words, shown to learners next to a highlighting task. */
export const EVIDENCE_RULE =
  "A key passage counts as found when you have highlighted at least half of its characters. " +
  "Your score is the share of key passages you found. Highlighting as much text outside the key " +
  "passages as inside them costs nothing; beyond that, the score shrinks in proportion, so " +
  "highlighting the whole article earns very little.";

/** The share of highlighted characters that must lie inside key passages for full credit. */
const PRECISION_FOR_FULL_CREDIT = 0.5;
/** The share of a key passage that must be highlighted for it to count as found. */
const FOUND_THRESHOLD = 0.5;

/**
 * Clips ranges to [0, length], drops empty or non-numeric ones, and merges overlapping or touching
 * ranges into a sorted list. NOTE: a backwards range (start > end) is read as a selection dragged
 * right to left, not thrown away.
 */
export function normalizeRanges(ranges: readonly (readonly [number, number])[], length: number): TRange[] {
  const clipped: TRange[] = [];
  for (const r of ranges) {
    if (!Array.isArray(r) || r.length < 2) continue;
    let [a, b] = r;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a > b) [a, b] = [b, a];
    a = Math.max(0, Math.min(length, Math.floor(a)));
    b = Math.max(0, Math.min(length, Math.floor(b)));
    if (b > a) clipped.push([a, b]);
  }
  clipped.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: TRange[] = [];
  for (const r of clipped) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Total length of a normalized range list. */
function totalLength(ranges: readonly TRange[]): number {
  return ranges.reduce((n, [a, b]) => n + (b - a), 0);
}

/** Characters that two normalized (sorted, disjoint) range lists have in common. */
export function overlapLength(x: readonly TRange[], y: readonly TRange[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    const lo = Math.max(x[i]![0], y[j]![0]);
    const hi = Math.min(x[i]![1], y[j]![1]);
    if (hi > lo) n += hi - lo;
    if (x[i]![1] < y[j]![1]) i++;
    else j++;
  }
  return n;
}

/**
 * Finds each key passage in the body (first occurrence). Throws when a passage is missing: that is
 * a content error, which the content tests are there to catch before a learner ever sees it.
 */
export function locatePassages(body: string, passages: readonly string[]): TRange[] {
  return passages.map((p) => {
    const start = p.length ? body.indexOf(p) : -1;
    if (start < 0) throw new Error(`Evidence passage not found in source body: "${p.slice(0, 60)}…"`);
    return [start, start + p.length];
  });
}

export type TEvidenceScore = {
  fraction: number;
  found: boolean[];
  precision: number;
  recall: number;
  keyRanges: TRange[];
  /** The learner's ranges after clipping and merging. */
  selected: TRange[];
};

/**
 * Scores a highlighting answer (see EVIDENCE_RULE).
 * - ranges are clipped to the body and merged, so overlaps are never counted twice;
 * - a key passage is found when ≥ 50% of its characters are highlighted; recall = found / passages;
 * - precision = highlighted characters inside any key passage / all highlighted characters;
 * - fraction = recall × min(1, precision / 0.5). An empty selection scores 0.
 */
export function scoreEvidence(body: string, passages: readonly string[], ranges: readonly (readonly [number, number])[]): TEvidenceScore {
  const keyRanges = locatePassages(body, passages);
  const selected = normalizeRanges(ranges, body.length);
  const found = keyRanges.map((k) => overlapLength(selected, [k]) >= FOUND_THRESHOLD * (k[1] - k[0]));
  const recall = keyRanges.length ? found.filter(Boolean).length / keyRanges.length : 0;
  const highlighted = totalLength(selected);
  const inside = overlapLength(selected, normalizeRanges(keyRanges, body.length));
  const precision = highlighted ? inside / highlighted : 0;
  const fraction = recall * Math.min(1, precision / PRECISION_FOR_FULL_CREDIT);
  return { fraction, found, precision, recall, keyRanges, selected };
}
