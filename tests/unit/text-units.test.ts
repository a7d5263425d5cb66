import { describe, expect, it } from "vitest";
import { isUnitInRanges, splitIntoUnits, unitsToRanges } from "@/components/quiz/text-units";

const body = "First sentence. Second one; a clause: and more!\n\n## A heading\n\nLast “quoted.” Done";

describe("splitting a source into highlightable units", () => {
  it("cuts at sentence and clause ends, and every unit's offsets point at its own text in the body", () => {
    const units = splitIntoUnits(body).flatMap((p) => p.units);
    expect(units.map((u) => u.text)).toEqual(["First sentence.", "Second one;", "a clause:", "and more!", "## A heading", "Last “quoted.”", "Done"]);
    for (const u of units) expect(body.slice(u.start, u.end)).toBe(u.text);
  });

  it("marks subheadings so they are not offered for highlighting", () => {
    expect(splitIntoUnits(body).map((p) => p.heading)).toEqual([false, true, false]);
  });

  it("merges adjacent selected units into one range and keeps separate ones apart", () => {
    const units = splitIntoUnits(body).flatMap((p) => p.units);
    const ranges = unitsToRanges([units[2]!, units[0]!, units[1]!, units[5]!]);
    expect(ranges).toEqual([[units[0]!.start, units[2]!.end], [units[5]!.start, units[5]!.end]]);
    expect(isUnitInRanges(units[1]!, ranges)).toBe(true);
    expect(isUnitInRanges(units[3]!, ranges)).toBe(false);
  });
});
