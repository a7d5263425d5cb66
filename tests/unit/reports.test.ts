import { describe, expect, it } from "vitest";
import type { TActivity } from "@/lib/content/activity-schema";
import { gradeActivity } from "@/lib/grading/grade-attempt";
import { buildHeatmap, classifiedCorrectly, coverageRuns, topPassages } from "@/lib/reports/evidence-heatmap-compute";
import { analyzeActivity } from "@/lib/reports/item-analysis-compute";

const BODY = "Baku says the operation was limited. Yerevan says it was an attack.\n\nThe author calls it a victory. Witnesses were not quoted.";
const activity = {
  slug: "t",
  title: "Test quiz",
  kind: "quiz",
  intro: "x",
  layout: "single",
  sources: ["a"],
  questions: [
    {
      id: "p",
      type: "perspective",
      skill: "perspective",
      prompt: "Classify the article.",
      source: "a",
      axes: [
        {
          axis: "stance",
          prompt: "Stance?",
          options: [
            { id: "pro-baku", text: "Close to Baku's view" },
            { id: "pro-yerevan", text: "Close to Yerevan's view" },
            { id: "neutral", text: "Reports both" },
          ],
          answer: "pro-baku",
          explanation: "It calls the operation a victory.",
          cites: [{ source: "a", quote: "The author calls it a victory." }],
        },
      ],
    },
    {
      id: "e",
      type: "evidence",
      skill: "evidence",
      prompt: "Highlight the evidence.",
      source: "a",
      label: "evidence",
      passages: ["The author calls it a victory."],
      explanation: "x",
    },
    { id: "c", type: "choice", skill: "comprehension", prompt: "Pick", multiple: false, options: [{ id: "x", text: "X" }, { id: "y", text: "Y" }], answer: ["x"], explanation: "x", cites: [] },
  ],
} as unknown as TActivity;

const victory = [BODY.indexOf("The author"), BODY.indexOf("Witnesses") - 1] as [number, number];
const yerevan = [BODY.indexOf("Yerevan"), BODY.indexOf("attack.") + 7] as [number, number];
const grade = (stance: string, ranges: [number, number][], choice: string) =>
  gradeActivity(activity, { p: { axes: { stance } }, e: { ranges }, c: { selected: [choice] } }, { a: BODY });

const results = [
  grade("pro-baku", [victory], "x"),
  grade("pro-baku", [victory, yerevan], "x"),
  grade("neutral", [yerevan], "y"),
  grade("neutral", [yerevan], "x"),
  grade("pro-yerevan", [yerevan], "y"),
];

describe("item analysis", () => {
  const a = analyzeActivity("id", activity, results);

  it("counts each perspective label and names the commonest wrong one", () => {
    const q = a.questions.find((x) => x.type === "perspective");
    if (q?.type !== "perspective") throw new Error("no perspective question");
    const stance = q.axes[0]!;
    expect(stance.options.map((o) => [o.id, o.count, o.correct])).toEqual([
      ["pro-baku", 2, true],
      ["pro-yerevan", 1, false],
      ["neutral", 2, false],
    ]);
    expect(stance.shareCorrect).toBe(0.4);
    expect(stance.commonestWrong?.id).toBe("neutral");
  });

  it("gives the share of students finding each key passage, and mean recall and precision", () => {
    const q = a.questions.find((x) => x.type === "evidence");
    if (q?.type !== "evidence") throw new Error("no evidence question");
    expect(q.passages[0]!.foundShare).toBe(0.4);
    expect(q.meanRecall).toBe(0.4);
    expect(q.meanPrecision).toBeGreaterThan(0);
    expect(q.meanPrecision).toBeLessThan(0.5);
  });

  it("tallies choices and counts respondents", () => {
    const q = a.questions.find((x) => x.type === "choice");
    if (q?.type !== "choice") throw new Error("no choice question");
    expect(q.options.map((o) => o.count)).toEqual([3, 2]);
    expect(a.respondents).toBe(5);
  });
});

describe("the evidence heatmap", () => {
  it("counts overlapping highlights once per student, in maximal runs", () => {
    expect(coverageRuns([[[0, 10], [5, 12]], [[8, 20]], [[30, 40]]])).toEqual([
      { start: 0, end: 8, count: 1 },
      { start: 8, end: 12, count: 2 },
      { start: 12, end: 20, count: 1 },
      { start: 30, end: 40, count: 1 },
    ]);
    expect(coverageRuns([])).toEqual([]);
  });

  it("splits students by whether they classified the article correctly", () => {
    expect(classifiedCorrectly(results[0]!, "a")).toBe(true);
    expect(classifiedCorrectly(results[2]!, "a")).toBe(false);
    expect(classifiedCorrectly(results[0]!, "other")).toBeNull();
    const [right, wrong] = buildHeatmap(BODY, "a", results);
    expect(right).toMatchObject({ key: "correct", students: 2 });
    expect(wrong).toMatchObject({ key: "wrong", students: 3 });
    // Those who misread the article all highlighted Yerevan's statement: that is what misled them.
    expect(wrong!.top[0]).toEqual({ text: "Yerevan says it was an attack.", count: 3 });
    expect(right!.top[0]).toEqual({ text: "The author calls it a victory.", count: 2 });
  });

  it("lists the most highlighted passages first", () => {
    const runs = coverageRuns([[[0, 4]], [[0, 4]], [[10, 20]]]);
    expect(topPassages("abcdefghijklmnopqrstuvwxyz", runs)).toEqual([
      { text: "abcd", count: 2 },
      { text: "klmnopqrst", count: 1 },
    ]);
  });
});
