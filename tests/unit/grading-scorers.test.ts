import { describe, expect, it } from "vitest";
import { scoreChoice } from "../../lib/grading/score-choice";
import { scoreClaimGrid } from "../../lib/grading/score-claim-grid";
import { scoreCorroboration } from "../../lib/grading/score-corroboration";
import { scoreMatch } from "../../lib/grading/score-match";
import { scoreOrder } from "../../lib/grading/score-order";
import { scorePerspective } from "../../lib/grading/score-perspective";

const options = ["a", "b", "c", "d", "e"].map((id) => ({ id }));

describe("scoreChoice", () => {
  const single = { multiple: false, options, answer: ["b"] };
  const multi = { multiple: true, options, answer: ["a", "b", "c"] };

  it("scores a single-answer question all or nothing", () => {
    expect(scoreChoice(single, ["b"]).fraction).toBe(1);
    expect(scoreChoice(single, ["a"]).fraction).toBe(0);
    expect(scoreChoice(single, ["a", "b"]).fraction).toBe(0);
    expect(scoreChoice(single, []).fraction).toBe(0);
  });

  it("gives partial credit on multiple answers, with wrong picks cancelling right ones", () => {
    expect(scoreChoice(multi, ["a", "b", "c"]).fraction).toBe(1);
    expect(scoreChoice(multi, ["a", "b"]).fraction).toBeCloseTo(2 / 3);
    expect(scoreChoice(multi, ["a", "b", "d"]).fraction).toBeCloseTo(1 / 3);
    expect(scoreChoice(multi, ["a", "d", "e"]).fraction).toBe(0);
    expect(scoreChoice(multi, ["a", "b", "c", "d", "e"]).fraction).toBeCloseTo(1 / 3);
  });

  it("reports the wrong and missed picks, ignoring unknown ids and repeats", () => {
    const r = scoreChoice(multi, ["a", "a", "zzz", "d"]);
    expect(r).toMatchObject({ correctPicks: ["a"], wrongPicks: ["d"], missed: ["b", "c"], fraction: 0 });
  });
});

describe("scorePerspective", () => {
  const axes = [
    { axis: "genre", answer: "opinion" },
    { axis: "stance", answer: "pro-azerbaijani" },
    { axis: "source-kind", answer: "individual" },
  ];
  it("scores correct axes over all axes; a missing label is wrong", () => {
    expect(scorePerspective(axes, { genre: "opinion", stance: "pro-azerbaijani", "source-kind": "individual" }).fraction).toBe(1);
    expect(scorePerspective(axes, { genre: "opinion", stance: "reporting" }).fraction).toBeCloseTo(1 / 3);
    expect(scorePerspective(axes, {}).fraction).toBe(0);
  });
});

describe("scoreClaimGrid", () => {
  const key = {
    claims: [{ id: "c1" }, { id: "c2" }],
    sources: ["s1", "s2"],
    answer: { c1: { s1: "states", s2: "omits" }, c2: { s1: "contradicts", s2: "states" } } as const,
  };
  it("scores correct cells over all cells", () => {
    expect(scoreClaimGrid(key, key.answer).fraction).toBe(1);
    expect(scoreClaimGrid(key, { c1: { s1: "states", s2: "states" }, c2: { s1: "contradicts" } }).fraction).toBe(0.5);
    expect(scoreClaimGrid(key, {}).fraction).toBe(0);
  });
});

describe("scoreMatch", () => {
  const key = { items: [{ id: "artsakh" }, { id: "khankendi" }, { id: "de-facto" }], answer: { artsakh: "armenian", khankendi: "azerbaijani", "de-facto": "neutral" } };
  it("scores correct pairs over items", () => {
    expect(scoreMatch(key, key.answer).fraction).toBe(1);
    expect(scoreMatch(key, { artsakh: "armenian", khankendi: "armenian" }).fraction).toBeCloseTo(1 / 3);
  });
});

describe("scoreOrder", () => {
  const key = ["e1", "e2", "e3", "e4"]; // 6 pairs
  it("gives full credit for the right order", () => {
    expect(scoreOrder(key, key)).toEqual({ fraction: 1, pairsCorrect: 6, pairsTotal: 6 });
  });
  it("gives partial credit when the order is partly right", () => {
    expect(scoreOrder(key, ["e2", "e1", "e3", "e4"]).fraction).toBeCloseTo(5 / 6);
    expect(scoreOrder(key, ["e1", "e2", "e4", "e3"]).pairsCorrect).toBe(5);
    expect(scoreOrder(key, ["e4", "e3", "e2", "e1"]).fraction).toBe(0);
  });
  it("counts pairs with a missing event as wrong and ignores unknown or repeated ids", () => {
    expect(scoreOrder(key, ["e1", "x", "e2", "e1"]).pairsCorrect).toBe(1);
    expect(scoreOrder(key, []).fraction).toBe(0);
  });
});

describe("scoreCorroboration", () => {
  const key = { statements: [{ id: "s1" }, { id: "s2" }, { id: "s3" }, { id: "s4" }], answer: ["s2", "s4"] };
  it("scores statements classified correctly over all statements", () => {
    expect(scoreCorroboration(key, ["s2", "s4"]).fraction).toBe(1);
    expect(scoreCorroboration(key, ["s2"]).fraction).toBe(0.75);
    expect(scoreCorroboration(key, ["s1", "s2"]).fraction).toBe(0.5);
    expect(scoreCorroboration(key, ["s1", "s3"]).fraction).toBe(0);
  });
  it("scores an empty flag list 0, since it cannot be told apart from no answer", () => {
    expect(scoreCorroboration(key, []).fraction).toBe(0);
  });
});
