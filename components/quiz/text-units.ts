/** A highlightable piece of a source: a sentence or clause, with its offsets in the source body. */
export type TTextUnit = { id: string; start: number; end: number; text: string };
export type TTextParagraph = { index: number; start: number; units: TTextUnit[]; heading: boolean };

// A unit ends after . ! ? ; or : (and any closing quotes or brackets), or at the end of the paragraph.
const UNIT = /[^.!?;:]+(?:[.!?;:]+[”’"')\]]*|$)/g;

/**
 * Splits a source body into paragraphs of sentence/clause units. Highlighting works on these units so
 * that mouse, touch and keyboard select the same things, and offsets always match the stored body.
 */
export function splitIntoUnits(body: string): TTextParagraph[] {
  const paragraphs: TTextParagraph[] = [];
  let offset = 0;
  body.split("\n\n").forEach((para, index) => {
    const units: TTextUnit[] = [];
    for (const m of para.matchAll(UNIT)) {
      let start = offset + m.index;
      const end = start + m[0].length;
      while (start < end && body[start] === " ") start++;
      if (end > start) units.push({ id: `u${start}`, start, end, text: body.slice(start, end) });
    }
    paragraphs.push({ index, start: offset, units, heading: para.startsWith("## ") });
    offset += para.length + 2;
  });
  return paragraphs;
}

/** Merges the selected units into sorted, non-overlapping [start, end) ranges. */
export function unitsToRanges(units: TTextUnit[]): [number, number][] {
  const sorted = [...units].sort((a, b) => a.start - b.start);
  const out: [number, number][] = [];
  for (const u of sorted) {
    const last = out.at(-1);
    if (last && u.start <= last[1] + 1) last[1] = Math.max(last[1], u.end);
    else out.push([u.start, u.end]);
  }
  return out;
}

/** True when the unit lies inside one of the ranges (how a saved answer is shown again). */
export function isUnitInRanges(unit: TTextUnit, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([s, e]) => s <= unit.start && unit.end <= e);
}
