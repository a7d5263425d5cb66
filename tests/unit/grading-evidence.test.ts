import { describe, expect, it } from "vitest";
import { EVIDENCE_RULE, normalizeRanges, scoreEvidence } from "../../lib/grading/score-evidence";

// Two key passages of 10 characters each in a 100-character body.
const body = "a".repeat(20) + "KEYONE____" + "b".repeat(40) + "KEYTWO____" + "c".repeat(20);
const passages = ["KEYONE____", "KEYTWO____"];
const ONE: [number, number] = [20, 30];
const TWO: [number, number] = [70, 80];

describe("scoreEvidence", () => {
  it("gives full credit for highlighting exactly the key passages", () => {
    const r = scoreEvidence(body, passages, [ONE, TWO]);
    expect(r).toMatchObject({ fraction: 1, recall: 1, precision: 1, found: [true, true] });
    expect(r.keyRanges).toEqual([ONE, TWO]);
  });

  it("scores an empty selection 0", () => {
    expect(scoreEvidence(body, passages, [])).toMatchObject({ fraction: 0, recall: 0, precision: 0, found: [false, false] });
  });

  it("gives little credit for selecting the whole text", () => {
    const r = scoreEvidence(body, passages, [[0, body.length]]);
    expect(r.recall).toBe(1);
    expect(r.precision).toBeCloseTo(0.2);
    expect(r.fraction).toBeCloseTo(0.4);
    expect(r.fraction).toBeLessThan(0.5);
  });

  it("gives half credit for finding one of two passages precisely", () => {
    const r = scoreEvidence(body, passages, [ONE]);
    expect(r.found).toEqual([true, false]);
    expect(r.fraction).toBe(0.5);
  });

  it("counts a passage as found from half of its characters, not fewer", () => {
    expect(scoreEvidence(body, passages, [[20, 25]]).found[0]).toBe(true);
    expect(scoreEvidence(body, passages, [[20, 24]]).found[0]).toBe(false);
  });

  it("costs nothing to highlight as much outside the key as inside, and shrinks beyond that", () => {
    // 10 inside + 10 outside: precision 0.5 → no penalty.
    expect(scoreEvidence(body, passages, [[10, 30], TWO]).fraction).toBe(1);
    // 20 key characters inside, 60 outside: precision 0.25 → half credit.
    const r = scoreEvidence(body, passages, [[0, 40], [60, 100]]);
    expect(r.precision).toBe(0.25);
    expect(r.fraction).toBe(0.5);
  });

  it("does not double-count overlapping ranges", () => {
    const overlapping = scoreEvidence(body, passages, [[20, 28], [22, 30], [21, 29], TWO]);
    expect(overlapping.selected).toEqual([ONE, TWO]);
    expect(overlapping.precision).toBe(1);
    expect(overlapping.fraction).toBe(1);
  });

  it("clips out-of-range offsets to the body", () => {
    const r = scoreEvidence(body, passages, [[-50, 10], [95, 10_000]]);
    expect(r.selected).toEqual([[0, 10], [95, 100]]);
    expect(r.fraction).toBe(0);
    expect(scoreEvidence(body, passages, [[500, 900]]).selected).toEqual([]);
  });

  it("throws when a key passage is not in the body (a content error)", () => {
    expect(() => scoreEvidence(body, ["not there"], [ONE])).toThrow(/not found/);
  });

  it("states the rule for learners", () => {
    expect(EVIDENCE_RULE).toMatch(/half/);
  });
});

describe("normalizeRanges", () => {
  it("sorts, merges touching ranges, reads backwards ranges forwards and drops empty ones", () => {
    expect(normalizeRanges([[50, 60], [10, 20], [20, 25], [40, 30], [5, 5], [Number.NaN, 3]], 100)).toEqual([
      [10, 25],
      [30, 40],
      [50, 60],
    ]);
  });
});
