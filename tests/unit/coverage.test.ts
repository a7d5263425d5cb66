import { beforeAll, describe, expect, it } from "vitest";
import { computeCoverage, sideOf, type TCoverageGroup } from "@/lib/authoring/coverage";
import type { TActivity } from "@/lib/content/activity-schema";
import { loadCourse, type TCourse } from "@/lib/content/load-course";
import type { TSource } from "@/lib/content/schemas";

const ARMENIAN_VOICE = "No source by an Armenian or Karabakh Armenian author or outlet";
let course: TCourse;

beforeAll(async () => {
  course = await loadCourse();
});

const moduleOf = (c: TCourse, slug: string) => c.modules.find((m) => m.slug === slug)!;
const groupOf = (groups: TCoverageGroup[], slug: string) => groups.find((g) => g.slug === slug)!;
const messages = (g: TCoverageGroup, kind: string) => g.flags.filter((f) => f.kind === kind).map((f) => f.message);

/** A copy of an existing source under a new slug, so only the fields a test cares about differ. */
function addSource(c: TCourse, moduleSlug: string, changes: Partial<TSource> & { slug: string }) {
  c.sources.push({ ...c.sources[0]!, ...changes });
  moduleOf(c, moduleSlug).sources.push(changes.slug);
}

/** An activity whose single perspective question keys `source`'s stance as `answer`. */
function addStanceKey(c: TCourse, moduleSlug: string, source: string, answer: string, title: string) {
  const activity: TActivity = {
    slug: `key-${source}`,
    kind: "quiz",
    title,
    intro: "Test.",
    sources: [source],
    layout: "single",
    questions: [
      {
        id: "q1",
        type: "perspective",
        skill: "perspective",
        prompt: "Whose side?",
        source,
        axes: [
          {
            axis: "stance",
            prompt: "Whose side, if any, does it take?",
            options: [
              { id: "pro-armenian", text: "Pro-Armenian" },
              { id: "reporting", text: "Mainly reporting" },
            ],
            answer,
            explanation: "Test.",
            cites: [{ source, quote: "a" }, { source, quote: "b" }],
          },
        ],
      },
    ],
  };
  moduleOf(c, moduleSlug).activities.push(activity);
}

describe("coverage report on the real course", () => {
  it("flags every module, and the course, for lacking an Armenian-voiced source", () => {
    const report = computeCoverage(course);
    expect(report.modules.map((m) => m.slug)).toEqual(course.modules.map((m) => m.slug));
    for (const g of [...report.modules, report.course]) {
      expect(g.byVoice.armenian).toBe(0);
      expect(messages(g, "missing-perspective")).toContain(ARMENIAN_VOICE);
    }
  });

  it("reports the war-2020 sources' stance keys as the quizzes defend them", () => {
    const war = groupOf(computeCoverage(course).modules, "war-2020");
    const kuzio = war.sources.find((s) => s.slug === "kuzio-2021-first-anniversary")!;
    // content/modules/war-2020/activities/02-quiz.yaml: answer pro-azerbaijani, two cited passages.
    expect(kuzio.stance).toMatchObject({
      side: "azerbaijani",
      label: "Pro-Azerbaijani",
      cites: 2,
      activityTitle: "Quiz: Kuzio's first-anniversary piece",
      moduleSlug: "war-2020",
    });
    expect(Object.fromEntries(war.sources.map((s) => [s.slug, s.stance?.side]))).toEqual({
      "kuzio-2021-first-anniversary": "azerbaijani",
      "avim-2021-one-year-after": "azerbaijani",
      "gdc-2023-weak-russia": "reporting",
      "nee-2023-final-battle": "azerbaijani",
    });
    expect(war.byStance).toMatchObject({ azerbaijani: 3, reporting: 1, armenian: 0, "not-keyed": 0 });
    expect(messages(war, "one-sided")).toEqual([expect.stringMatching(/^3 of 4 sources .* keyed as pro-Azerbaijani/)]);
  });

  it("does not call a module one-sided when partisan keys are half or fewer", () => {
    const september = groupOf(computeCoverage(course).modules, "september-2023");
    expect(september.byStance).toMatchObject({ azerbaijani: 1, reporting: 2 });
    expect(messages(september, "one-sided")).toEqual([]);
  });
});

describe("coverage report on a modified course", () => {
  it("drops the Armenian-voice flag where an Armenian-voiced, pro-Armenian source is added", () => {
    const copy = structuredClone(course);
    addSource(copy, "war-2020", { slug: "test-armenian", title: "A Yerevan view", voice: "armenian", genre: "opinion" });
    addStanceKey(copy, "war-2020", "test-armenian", "pro-armenian", "Quiz: a Yerevan view");
    const report = computeCoverage(copy);
    const war = groupOf(report.modules, "war-2020");

    expect(war.sources.at(-1)?.stance).toMatchObject({ side: "armenian", label: "Pro-Armenian", cites: 2 });
    expect(messages(war, "missing-perspective")).not.toContain(ARMENIAN_VOICE);
    expect(messages(war, "missing-perspective").join()).not.toMatch(/pro-Armenian/);
    expect(war.byVoice.armenian).toBe(1);
    expect(messages(war, "one-sided")).toEqual([expect.stringMatching(/^3 of 5 sources/)]);
    // Other modules do not use the new source and keep their flag.
    expect(messages(groupOf(report.modules, "september-2023"), "missing-perspective")).toContain(ARMENIAN_VOICE);
  });

  it("reports a source without a perspective question as not yet keyed", () => {
    const copy = structuredClone(course);
    addSource(copy, "september-2023", { slug: "test-unkeyed", title: "An unkeyed report" });
    const september = groupOf(computeCoverage(copy).modules, "september-2023");

    expect(september.sources.find((s) => s.slug === "test-unkeyed")?.stance).toBeNull();
    expect(september.byStance["not-keyed"]).toBe(1);
    expect(messages(september, "unkeyed-stance")).toEqual([expect.stringContaining("“An unkeyed report” is not yet keyed")]);
  });

  it("reports two answer keys that disagree, and leaves that source out of the one-sided count", () => {
    const copy = structuredClone(course);
    // Keys are read course-wide: one in september-2023 also changes what war-2020 reports.
    addStanceKey(copy, "september-2023", "nee-2023-final-battle", "reporting", "Quiz: a second reading");
    const report = computeCoverage(copy);
    const war = groupOf(report.modules, "war-2020");
    const nee = war.sources.find((s) => s.slug === "nee-2023-final-battle")!;

    expect(nee.conflicting).toBe(true);
    expect(nee.keys.map((k) => k.activityTitle)).toEqual(["Quiz: three perspectives on September 2023", "Quiz: a second reading"]);
    expect(war.byStance).toMatchObject({ azerbaijani: 2, conflicting: 1 });
    expect(messages(war, "conflicting-keys")).toEqual([
      expect.stringMatching(/pro-Azerbaijani in “Quiz: three perspectives on September 2023”, but as reporting .* in “Quiz: a second reading”/),
    ]);
    expect(messages(war, "one-sided")).toEqual([expect.stringMatching(/^2 of 3 sources/)]);
    expect(messages(report.course, "conflicting-keys")).toHaveLength(1);
  });
});

describe("sideOf", () => {
  it("maps answer option ids to sides by their prefix", () => {
    expect(["pro-azerbaijani", "pro-armenian-advocacy", "pro-russian", "mixed-reporting", "neutral-sourced"].map(sideOf)).toEqual([
      "azerbaijani",
      "armenian",
      "russian",
      "reporting",
      "reporting",
    ]);
  });
});
