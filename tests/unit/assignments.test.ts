import { describe, expect, it } from "vitest";
import { formatInZone, fromZonedInput, toZonedInput } from "@/lib/assignments/dates";
import { withheldActivities } from "@/lib/assignments/feedback-rules";
import { ZUpdateAssignmentInput } from "@/lib/assignments/schemas";
import { summarizeItem, type TActivityWork } from "@/lib/assignments/status";
import { formatJoinCode, generateJoinCode, normalizeJoinCode } from "@/lib/classes/join-code";
import { applyGridView, ZGridView } from "@/lib/reports/grid-view";

const due = new Date("2026-12-01T16:00:00Z");
const before = new Date("2026-11-30T10:00:00Z");
const after = new Date("2026-12-02T10:00:00Z");
const work = (entries: Record<string, Partial<TActivityWork>>) =>
  new Map(Object.entries(entries).map(([id, w]) => [id, { best: null, bestOnTime: null, firstSubmittedAt: null, attempts: 0, uncounted: 0, inProgress: false, ...w }]));

describe("an assigned item's status", () => {
  it("is not started, then in progress, then done with the mean best score", () => {
    expect(summarizeItem(["a", "b"], work({}), due, before).status).toBe("not-started");
    expect(summarizeItem(["a", "b"], work({ a: { inProgress: true } }), due, before).status).toBe("in-progress");
    const half = summarizeItem(["a", "b"], work({ a: { best: 0.8, bestOnTime: 0.8, firstSubmittedAt: before, attempts: 1 } }), due, before);
    expect(half).toMatchObject({ status: "in-progress", activitiesDone: 1, activitiesTotal: 2, score: 40 });
    const done = summarizeItem(
      ["a", "b"],
      work({ a: { best: 0.8, bestOnTime: 0.8, firstSubmittedAt: before, attempts: 2 }, b: { best: 0.5, bestOnTime: 0.5, firstSubmittedAt: before, attempts: 1 } }),
      due,
      after,
    );
    expect(done).toMatchObject({ status: "done", late: false, score: 65 });
  });

  it("is overdue when not handed in by the due date, and late when handed in after it", () => {
    expect(summarizeItem(["a"], work({ a: { inProgress: true } }), due, after).status).toBe("overdue");
    const late = summarizeItem(["a"], work({ a: { best: 1, firstSubmittedAt: after, attempts: 1 } }), due, after);
    expect(late).toMatchObject({ status: "done", late: true, score: 100 });
  });


  it("the instructor's override replaces the computed score and sticks", () => {
    const s = summarizeItem(["a"], work({ a: { best: 0.2, bestOnTime: 0.2, firstSubmittedAt: before, attempts: 1 } }), due, after, 90);
    expect(s).toMatchObject({ score: 90, overridden: true });
  });
});

describe("the assignment form's counting settings", () => {
  const form = { assignmentId: "a1", opensAt: "2026-12-01T08:00", dueAt: "2026-12-08T17:00", timeZone: "UTC", feedback: "IMMEDIATE" };
  it("are off unless ticked, and a ticked box reads as on", () => {
    expect(ZUpdateAssignmentInput.parse(form)).toMatchObject({ countEarlierAttempts: false, countRetakesAfterKey: false });
    expect(ZUpdateAssignmentInput.parse({ ...form, countRetakesAfterKey: "on" })).toMatchObject({ countEarlierAttempts: false, countRetakesAfterKey: true });
    expect(ZUpdateAssignmentInput.safeParse({ ...form, countEarlierAttempts: "yes" }).success).toBe(false);
  });
});

describe("dates in the assignment's time zone", () => {
  it("reads a wall-clock time in the zone, and shows it back the same way", () => {
    const d = fromZonedInput("2026-12-01T17:00", "Asia/Baku")!;
    expect(d.toISOString()).toBe("2026-12-01T13:00:00.000Z");
    expect(toZonedInput(d, "Asia/Baku")).toBe("2026-12-01T17:00");
    expect(toZonedInput(d, "Asia/Yerevan")).toBe("2026-12-01T17:00");
    expect(fromZonedInput("2026-07-01T09:30", "Europe/Paris")!.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(formatInZone(d, "Asia/Baku")).toMatch(/1 Dec 2026.*17:00 GMT\+4/);
  });

  it("refuses malformed dates and unknown zones", () => {
    expect(fromZonedInput("2026-13-01T17:00", "UTC")).toBeNull();
    expect(fromZonedInput("yesterday", "UTC")).toBeNull();
    expect(fromZonedInput("2026-12-01T17:00", "Mars/Olympus")).toBeNull();
  });
});

describe("feedback withheld by an assignment", () => {
  type TPolicy = "IMMEDIATE" | "AFTER_DUE" | "NEVER";
  const row = (activityId: string, feedback: TPolicy, dueAt: Date, mine = true) => ({ activityId, feedback, dueAt, timeZone: "UTC", mine });
  it("after the due date: withheld until then, released afterwards", () => {
    expect(withheldActivities([row("q", "AFTER_DUE", due)], before).get("q")).toEqual({ by: "your-class", until: due, timeZone: "UTC" });
    expect(withheldActivities([row("q", "AFTER_DUE", due)], after).has("q")).toBe(false);
  });
  it("the strictest of two classes wins: never beats a date, the later date beats the earlier", () => {
    expect(withheldActivities([row("q", "AFTER_DUE", due), row("q", "NEVER", due)], before).get("q")).toMatchObject({ until: null });
    const later = new Date("2026-12-09T00:00:00Z");
    expect(withheldActivities([row("q", "AFTER_DUE", due), row("q", "AFTER_DUE", later)], before).get("q")).toMatchObject({ until: later });
    expect(withheldActivities([row("q", "IMMEDIATE", due)], before).size).toBe(0);
  });
  it("self-study: withheld while another class has it set with never, or after a due date not yet passed", () => {
    expect(withheldActivities([row("q", "NEVER", due, false)], after).get("q")).toEqual({ by: "a-class" });
    expect(withheldActivities([row("q", "AFTER_DUE", due, false)], before).get("q")).toEqual({ by: "a-class" });
    expect(withheldActivities([row("q", "AFTER_DUE", due, false)], after).has("q")).toBe(false);
  });
  it("a learner's own classes decide for them, whatever other classes chose", () => {
    expect(withheldActivities([row("q", "IMMEDIATE", due), row("q", "NEVER", due, false)], before).has("q")).toBe(false);
    expect(withheldActivities([row("q", "AFTER_DUE", due), row("q", "NEVER", due, false)], after).has("q")).toBe(false);
    expect(withheldActivities([row("q", "NEVER", due), row("q", "IMMEDIATE", due, false)], after).get("q")).toMatchObject({ by: "your-class", until: null });
  });
});

describe("join codes", () => {
  it("are six readable characters, shown in halves, and typed back any way", () => {
    const code = generateJoinCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-TW-Z]{6}$/);
    expect(formatJoinCode("K7MQ2P")).toBe("K7M-Q2P");
    expect(normalizeJoinCode(" k7m-q2p ")).toBe("K7MQ2P");
  });
});

describe("the grid's sorting and filtering", () => {
  const cell = (assignmentId: string, status: "done" | "overdue" | "not-started" | "in-progress", score: number | null, late = false) => ({ assignmentId, status, score, late });
  const rows = [
    { student: { name: "Zara", login: "z@x" }, cells: [cell("a1", "done", 90)], total: 90 },
    { student: { name: "Aram", login: "a@x" }, cells: [cell("a1", "overdue", null)], total: 0 },
    { student: { name: "Leyla", login: "l@x" }, cells: [cell("a1", "done", 60, true)], total: 60 },
  ];
  const names = (r: typeof rows) => r.map((x) => x.student.name);
  it("sorts by name, by total and by one item's score, students without a score last", () => {
    expect(names(applyGridView(rows, ZGridView.parse({})))).toEqual(["Aram", "Leyla", "Zara"]);
    expect(names(applyGridView(rows, ZGridView.parse({ sort: "total", dir: "desc" })))).toEqual(["Zara", "Leyla", "Aram"]);
    expect(names(applyGridView(rows, ZGridView.parse({ sort: "a1", dir: "asc" })))).toEqual(["Leyla", "Zara", "Aram"]);
  });
  it("filters by state and by name, and ignores nonsense in the URL", () => {
    expect(names(applyGridView(rows, ZGridView.parse({ show: "overdue" })))).toEqual(["Aram"]);
    expect(names(applyGridView(rows, ZGridView.parse({ show: "late" })))).toEqual(["Leyla"]);
    expect(names(applyGridView(rows, ZGridView.parse({ q: "ley" })))).toEqual(["Leyla"]);
    expect(ZGridView.parse({ show: "<script>", dir: "sideways" })).toMatchObject({ show: "all", dir: "asc" });
  });
});
