import { describe, expect, it } from "vitest";
import { judgeAttempts, keyShownAt, type TAttemptFacts, type TCountingContext } from "@/lib/assignments/counted-attempts";
import { summarizeItem } from "@/lib/assignments/status";

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 11, day, hour));
const created = at(1);
const due = at(10);
const ctx = (over: Partial<TCountingContext> = {}): TCountingContext => ({
  createdAt: created,
  dueAt: due,
  feedback: "AFTER_DUE",
  countEarlierAttempts: false,
  countRetakesAfterKey: false,
  ...over,
});
/** A submitted attempt started `day` (at noon), handed in an hour later, scoring `percent`. */
const attempt = (day: number, percent: number): TAttemptFacts => ({ status: "SUBMITTED", startedAt: at(day), submittedAt: at(day, 13), score: percent, maxScore: 100 });
/** The single activity's cell, as the grid shows it. */
const cell = (attempts: TAttemptFacts[], c = ctx(), now = at(20)) => summarizeItem(["q"], new Map([["q", judgeAttempts(attempts, c)]]), c.dueAt, now);

describe("when the answer key was shown to a learner", () => {
  it("immediately: at their first submission, even a self-study one before the assignment", () => {
    expect(keyShownAt("IMMEDIATE", at(0), due)).toEqual(at(0));
  });
  it("after the due date: at the due date, or at a first submission after it", () => {
    expect(keyShownAt("AFTER_DUE", at(5), due)).toEqual(due);
    expect(keyShownAt("AFTER_DUE", at(12), due)).toEqual(at(12));
  });
  it("never: never; and nobody who has not submitted has seen it", () => {
    expect(keyShownAt("NEVER", at(5), due)).toBeNull();
    expect(keyShownAt("IMMEDIATE", null, due)).toBeNull();
  });
});

describe("which attempts count for an assignment", () => {
  it("on time: the best attempt by the due date is the score, not late", () => {
    expect(cell([attempt(3, 40), attempt(5, 80)])).toMatchObject({ status: "done", score: 80, onTimeScore: 80, late: false, uncounted: 0 });
  });

  it("a retake started after the key was shown does not replace the on-time score", () => {
    // On time 20%, the key is released at the due date, the learner reads it and retakes for 100%.
    expect(cell([attempt(5, 20), attempt(11, 100)])).toMatchObject({ score: 20, late: false, uncounted: 1 });
  });

  it("with feedback immediately, the key comes with the first submission: a retake before the due date does not count either", () => {
    expect(cell([attempt(3, 20), attempt(4, 100)], ctx({ feedback: "IMMEDIATE" }))).toMatchObject({ score: 20, late: false, uncounted: 1 });
  });

  it("when the instructor lets retakes after the key count, the late one counts and is marked late, with the on-time score beside it", () => {
    const c = cell([attempt(5, 20), attempt(11, 100)], ctx({ countRetakesAfterKey: true }));
    expect(c).toMatchObject({ score: 100, onTimeScore: 20, late: true, uncounted: 0 });
  });

  it("never shows the key, so a late retake counts, marked late", () => {
    expect(cell([attempt(5, 20), attempt(11, 100)], ctx({ feedback: "NEVER" }))).toMatchObject({ score: 100, onTimeScore: 20, late: true });
  });

  it("a late retake that does not beat the on-time score leaves the item on time", () => {
    expect(cell([attempt(5, 90), attempt(11, 60)], ctx({ feedback: "NEVER" }))).toMatchObject({ score: 90, late: false });
  });

  it("work first handed in after the due date counts and is late, with nothing on time", () => {
    expect(cell([attempt(12, 70)])).toMatchObject({ status: "done", score: 70, onTimeScore: 0, late: true });
  });

  it("an attempt made before the assignment does not count, unless the instructor says so", () => {
    const earlier = [attempt(0, 100)];
    expect(cell(earlier, ctx(), at(5))).toMatchObject({ status: "in-progress", score: null, uncounted: 1 });
    expect(cell(earlier, ctx({ countEarlierAttempts: true }), at(5))).toMatchObject({ status: "done", score: 100, late: false });
  });

  it("with feedback immediately, a self-study attempt before the assignment showed the key: later attempts do not count either, by default", () => {
    const work = [attempt(0, 100), attempt(3, 100)];
    expect(cell(work, ctx({ feedback: "IMMEDIATE" }))).toMatchObject({ status: "overdue", score: null, uncounted: 2 });
    expect(cell(work, ctx({ feedback: "IMMEDIATE", countRetakesAfterKey: true }))).toMatchObject({ status: "done", score: 100 });
  });

  it("an extension moves both lines: the student's own due date decides late and when the key is shown", () => {
    const extended = ctx({ dueAt: at(15) });
    expect(cell([attempt(5, 20), attempt(11, 100)], extended)).toMatchObject({ score: 100, late: false });
    expect(cell([attempt(5, 20), attempt(16, 100)], extended)).toMatchObject({ score: 20, late: false, uncounted: 1 });
  });

  it("an attempt in progress counts for nothing but shows the work started", () => {
    const open: TAttemptFacts = { status: "IN_PROGRESS", startedAt: at(5), submittedAt: null, score: null, maxScore: null };
    expect(cell([open], ctx(), at(6))).toMatchObject({ status: "in-progress", score: null, uncounted: 0 });
  });
});

describe("a module assignment", () => {
  it("is the mean over its activities of each one's counted best, and late if any of them is", () => {
    const c = ctx({ feedback: "NEVER" });
    const work = new Map([
      ["a", judgeAttempts([attempt(5, 80)], c)],
      ["b", judgeAttempts([attempt(5, 20), attempt(12, 60)], c)],
    ]);
    expect(summarizeItem(["a", "b"], work, due, at(20))).toMatchObject({ status: "done", score: 70, onTimeScore: 50, late: true });
    // Without the late work on b, nothing is late.
    const onTime = new Map([...work, ["b", judgeAttempts([attempt(5, 20)], c)]]);
    expect(summarizeItem(["a", "b"], onTime, due, at(20))).toMatchObject({ score: 50, late: false });
  });

  it("counts a missing activity as 0 and is not done until each has a counted attempt", () => {
    const work = new Map([["a", judgeAttempts([attempt(5, 80)], ctx())]]);
    expect(summarizeItem(["a", "b"], work, due, at(6))).toMatchObject({ status: "in-progress", score: 40, activitiesDone: 1 });
  });
});
