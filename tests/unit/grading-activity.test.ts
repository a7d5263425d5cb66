import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectQuotes } from "../../lib/content/activity-quotes";
import { ZActivity, type TActivity } from "../../lib/content/activity-schema";
import { toPublicActivity } from "../../lib/content/public-activity";
import { loadCourse } from "../../lib/content/load-course";
import { gradeActivity } from "../../lib/grading/grade-attempt";

const body = "Intro text. The first key sentence is here. Some filler text follows. Second key passage. The end.";

const activity: TActivity = ZActivity.parse({
  slug: "test-activity",
  kind: "quiz",
  title: "Test",
  intro: "Intro",
  sources: ["src-a", "src-b"],
  questions: [
    {
      id: "q1",
      type: "choice",
      skill: "comprehension",
      prompt: "Pick",
      options: [
        { id: "a", text: "A" },
        { id: "b", text: "B" },
      ],
      answer: ["a"],
      explanation: "SECRET-EXPLANATION-Q1",
      cites: [{ source: "src-a", quote: "The first key sentence is here." }],
    },
    {
      id: "q2",
      type: "perspective",
      skill: "perspective",
      prompt: "Label it",
      source: "src-a",
      axes: [
        {
          axis: "stance",
          prompt: "Stance?",
          options: [
            { id: "x", text: "X" },
            { id: "y", text: "Y" },
          ],
          answer: "y",
          explanation: "SECRET-EXPLANATION-Q2",
          cites: [{ source: "src-a", quote: "Some filler text follows." }],
        },
      ],
    },
    {
      id: "q3",
      type: "evidence",
      skill: "evidence",
      prompt: "Highlight",
      source: "src-a",
      label: "Evidence label",
      passages: ["The first key sentence is here.", "Second key passage."],
      explanation: "SECRET-EXPLANATION-Q3",
    },
    {
      id: "q4",
      type: "order",
      skill: "chronology",
      prompt: "Order",
      events: [
        { id: "e1", text: "First" },
        { id: "e2", text: "Second" },
        { id: "e3", text: "Third" },
      ],
      explanation: "SECRET-EXPLANATION-Q4",
    },
    {
      id: "q5",
      type: "corroboration",
      skill: "corroboration",
      prompt: "Flag",
      source: "src-a",
      statements: [
        { id: "s1", quote: "Intro text." },
        { id: "s2", quote: "The end." },
      ],
      answer: ["s2"],
      notes: { s1: "SECRET-NOTE-S1", s2: "SECRET-NOTE-S2" },
      explanation: "SECRET-EXPLANATION-Q5",
    },
    {
      id: "q6",
      type: "claim-grid",
      skill: "comparison",
      prompt: "Grid",
      sources: ["src-a", "src-b"],
      claims: [{ id: "c1", text: "Claim" }],
      answer: { c1: { "src-a": "states", "src-b": "omits" } },
      explanation: "SECRET-EXPLANATION-Q6",
    },
    {
      id: "q7",
      type: "match",
      skill: "comprehension",
      prompt: "Match",
      items: [
        { id: "i1", text: "Artsakh" },
        { id: "i2", text: "Khankendi" },
      ],
      choices: [
        { id: "arm", text: "Armenian" },
        { id: "aze", text: "Azerbaijani" },
      ],
      answer: { i1: "arm", i2: "aze" },
      explanation: "SECRET-EXPLANATION-Q7",
    },
    { id: "q8", type: "written", skill: "perspective", prompt: "Write", minWords: 10 },
  ],
});

const bodies = { "src-a": body, "src-b": "Other body." };
const range = (s: string): [number, number] => [body.indexOf(s), body.indexOf(s) + s.length];

const perfect = {
  q1: { selected: ["a"] },
  q2: { axes: { stance: "y" } },
  q3: { ranges: [range("The first key sentence is here."), range("Second key passage.")] },
  q4: { order: ["e1", "e2", "e3"] },
  q5: { flagged: ["s2"] },
  q6: { cells: { c1: { "src-a": "states", "src-b": "omits" } } },
  q7: { pairs: { i1: "arm", i2: "aze" } },
  q8: { text: "My answer." },
};

describe("gradeActivity", () => {
  it("gives one point per auto-graded question and none for written answers", () => {
    const r = gradeActivity(activity, perfect, bodies);
    expect(r.maxScore).toBe(7);
    expect(r.score).toBe(7);
    expect(r.questions.find((q) => q.id === "q8")).toMatchObject({ max: 0, points: 0, answered: true });
  });

  it("scores missing and malformed answers 0 without throwing", () => {
    const r = gradeActivity(activity, { q1: "nonsense", q2: { axes: 42 }, q3: { ranges: [["x", 1]] }, q4: null }, bodies);
    expect(r.score).toBe(0);
    expect(r.questions.every((q) => q.fraction === 0)).toBe(true);
    expect(r.questions.find((q) => q.id === "q1")?.answered).toBe(false);
    expect(gradeActivity(activity, {}, {}).score).toBe(0);
    // An answer object with every field missing (an untouched autosave) is valid but earns nothing here.
    expect(gradeActivity(activity, { q5: {}, q4: {} }, bodies).score).toBe(0);
  });

  it("awards partial credit and reports it per question", () => {
    const r = gradeActivity(activity, { ...perfect, q4: { order: ["e2", "e1", "e3"] }, q3: { ranges: [range("Second key passage.")] } }, bodies);
    expect(r.questions.find((q) => q.id === "q4")?.points).toBeCloseTo(2 / 3, 3);
    expect(r.questions.find((q) => q.id === "q3")?.points).toBe(0.5);
    expect(r.score).toBeCloseTo(5 + 2 / 3 + 0.5, 2);
  });

  it("returns the key in the feedback, with offsets for evidence passages", () => {
    const r = gradeActivity(activity, {}, bodies);
    const q3 = r.questions.find((q) => q.id === "q3")!.feedback;
    expect(q3.type).toBe("evidence");
    if (q3.type !== "evidence") return;
    expect(q3.passages[1]).toEqual({ quote: "Second key passage.", start: range("Second key passage.")[0], end: range("Second key passage.")[1], found: false });
    expect(q3.explanation).toBe("SECRET-EXPLANATION-Q3");
    const q5 = r.questions.find((q) => q.id === "q5")!.feedback;
    expect(q5.type === "corroboration" && q5.statements.map((s) => s.note)).toEqual(["SECRET-NOTE-S1", "SECRET-NOTE-S2"]);
    const q4 = r.questions.find((q) => q.id === "q4")!.feedback;
    expect(q4.type === "order" && q4.correctOrder).toEqual(["e1", "e2", "e3"]);
  });

  it("scores 0 instead of crashing when a source body is missing", () => {
    const r = gradeActivity(activity, perfect, { "src-b": "x" });
    expect(r.questions.find((q) => q.id === "q3")?.fraction).toBe(0);
  });
});

describe("ZActivity", () => {
  it("rejects an answer that is not an option, and a key that does not cover every claim", () => {
    const raw = JSON.parse(JSON.stringify(activity)) as Record<string, unknown> & { questions: Record<string, unknown>[] };
    raw.questions[0]!.answer = ["zzz"];
    raw.questions[5]!.answer = { c1: { "src-a": "states" } };
    const parsed = ZActivity.safeParse(raw);
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => i.message).join("\n");
    expect(messages).toMatch(/"zzz" is not an option/);
    expect(messages).toMatch(/answer missing for claim "c1" × "src-b"/);
  });
});

describe("toPublicActivity", () => {
  it("leaves out every key field", () => {
    const json = JSON.stringify(toPublicActivity(activity));
    expect(json).not.toMatch(/SECRET/);
    for (const { quote } of collectQuotes(activity).filter((q) => !q.where.includes(".statements."))) {
      expect(json).not.toContain(quote);
    }
    expect(json).not.toMatch(/"answer"|"explanation"|"cites"|"passages"|"notes"/);
  });

  it("stores the events in a random order, not one anyone can work out from the slug (issue 15)", () => {
    const events = (a: TActivity) => {
      const q = toPublicActivity(a).questions.find((x) => x.id === "q4")!;
      return q.type === "order" ? q.events.map((e) => e.id).join() : "";
    };
    const drawn = Array.from({ length: 30 }, () => events(activity));
    // Three events: six orders; thirty draws all alike would happen once in 10^23 runs.
    expect(new Set(drawn).size).toBeGreaterThan(1);
    for (const d of drawn) expect(d.split(",").sort()).toEqual(["e1", "e2", "e3"]);
  });
});

describe("the course's activities", async () => {
  const course = await loadCourse(path.join(process.cwd(), "content"));
  const bodiesBySlug = Object.fromEntries(course.sources.map((s) => [s.slug, s.body]));
  const activities = course.modules.flatMap((m) => m.activities);

  it("exist for every module", () => {
    for (const m of course.modules) expect(m.activities.length, m.slug).toBeGreaterThan(0);
  });

  it.each(activities.map((a) => [a.slug, a] as const))("%s: the public form hides the key", (_slug, a) => {
    const json = JSON.stringify(toPublicActivity(a));
    for (const q of a.questions) {
      if ("explanation" in q) expect(json).not.toContain(q.explanation);
      if (q.type === "perspective") for (const axis of q.axes) expect(json).not.toContain(axis.explanation);
      if (q.type === "corroboration") for (const note of Object.values(q.notes)) expect(json).not.toContain(note);
    }
    // Cited quotes may also be shown on purpose (as an option or a statement to check); passages may not.
    for (const { quote, where } of collectQuotes(a)) {
      if (where.includes(".passages.")) expect(json, where).not.toContain(JSON.stringify(quote).slice(1, -1));
    }
  });

  it.each(activities.map((a) => [a.slug, a] as const))("%s: the key earns full marks, the whole text very little", (_slug, a) => {
    const key: Record<string, unknown> = {};
    const everything: Record<string, unknown> = {};
    for (const q of a.questions) {
      if (q.type === "choice") key[q.id] = { selected: q.answer };
      if (q.type === "perspective") key[q.id] = { axes: Object.fromEntries(q.axes.map((x) => [x.axis, x.answer])) };
      if (q.type === "claim-grid") key[q.id] = { cells: q.answer };
      if (q.type === "match") key[q.id] = { pairs: q.answer };
      if (q.type === "order") key[q.id] = { order: q.events.map((e) => e.id) };
      if (q.type === "corroboration") key[q.id] = { flagged: q.answer };
      if (q.type === "evidence") {
        const b = bodiesBySlug[q.source]!;
        key[q.id] = { ranges: q.passages.map((p) => [b.indexOf(p), b.indexOf(p) + p.length]) };
        everything[q.id] = { ranges: [[0, b.length]] };
      }
    }
    const r = gradeActivity(a, key, bodiesBySlug);
    expect(r.score).toBe(r.maxScore);
    for (const q of gradeActivity(a, everything, bodiesBySlug).questions) expect(q.fraction).toBeLessThan(0.35);
  });
});
