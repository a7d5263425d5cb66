import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { courseToFiles, writeCourseFiles } from "@/lib/authoring/export-course";
import type { TActivity } from "@/lib/content/activity-schema";
import { loadCourse, type TCourse } from "@/lib/content/load-course";
import type { TSource } from "@/lib/content/schemas";

const BODY_A = "First paragraph of A: yes, this is it.\n\nSecond paragraph: 2021-11-12 was a date.";
const BODY_B = "Only paragraph of B, with a # hash and a: colon.";

/** Values a YAML writer must quote for the reader: dates, booleans, null, numbers, comments, indicators. */
function source(slug: string, body: string, extra: Partial<TSource> = {}): TSource {
  return {
    slug,
    title: "yes",
    authors: [{ name: "- dash first", affiliation: ": colon first" }],
    bylineNote: "2021-11-12",
    outlet: { name: "null", kind: "# not a comment", url: null },
    publishedAt: "2021-11-12",
    url: "https://example.org/a?b=c#d",
    genre: "analysis",
    stanceStatement: "'single' and \"double\" quotes: both kinds",
    voice: "unknown",
    voiceNote: "0o17",
    rights: "~",
    language: "en",
    status: "published",
    body,
    ...extra,
  };
}

function activity(): TActivity {
  return {
    slug: "tiny-quiz",
    kind: "quiz",
    title: "on",
    intro: "1.0",
    sources: ["alpha", "beta"],
    layout: "compare",
    questions: [
      {
        id: "q1",
        skill: "evidence",
        prompt: "Which?",
        type: "choice",
        multiple: false,
        options: [{ id: "a", text: "true" }, { id: "b", text: "[not a list]" }],
        answer: ["a"],
        explanation: "{not: a map}",
        cites: [{ source: "alpha", quote: "Second paragraph: 2021-11-12 was a date." }],
      },
      {
        id: "q2",
        skill: "comparison",
        prompt: "Grid",
        type: "claim-grid",
        sources: ["beta", "alpha"],
        claims: [{ id: "long-claim", text: "A" }, { id: "c", text: "B" }],
        // Keys as jsonb returns them (shortest first): the file lists them in the order of claims and sources.
        answer: { c: { alpha: "omits", beta: "states" }, "long-claim": { alpha: "states", beta: "contradicts" } },
        explanation: "x",
        cites: [],
      },
      {
        id: "q3",
        skill: "chronology",
        prompt: "Match",
        type: "match",
        items: [{ id: "second-item", text: "X" }, { id: "i", text: "Y" }],
        choices: [{ id: "x", text: "1" }, { id: "y", text: "2" }],
        answer: { i: "y", "second-item": "x" },
        explanation: "x",
      },
    ],
    status: "draft",
  };
}

function course(): TCourse {
  return {
    sources: [source("alpha", BODY_A), source("beta", BODY_B, { bylineNote: undefined, status: "draft" })],
    terms: [{ id: "term", neutral: "Yes", note: "no", variants: [{ name: "NO", usedBy: "off" }] }],
    modules: [
      {
        slug: "only",
        order: 0,
        title: "Only module",
        summary: "A summary",
        sources: ["beta", "alpha"],
        timeline: [{ date: "2020-09-27", label: "A date", detail: "Stays a string" }],
        keyTerms: [],
        showMap: false,
        status: "draft",
        lessons: [
          { slug: "first", title: "123", summary: "true", minutes: 5, status: "published", body: "## Heading\n\n---\n\nText after a rule." },
          { slug: "second", title: "Second", summary: "S", minutes: 1, status: "draft", body: "- a list\n- of two" },
        ],
        activities: [activity(), { ...activity(), slug: "elsewhere", status: undefined }],
      },
    ],
  };
}

describe("courseToFiles", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("writes files that loadCourse reads back as the same course, whatever the values look like", async () => {
    const input = course();
    const files = courseToFiles(input);
    expect([...files.keys()]).toEqual([
      "sources/alpha.md",
      "sources/beta.md",
      "terms.yaml",
      "modules/only/module.yaml",
      "modules/only/lessons/01-first.md",
      "modules/only/lessons/02-second.md",
      // The module's slug is not repeated in the file name; a slug without it is kept whole.
      "modules/only/activities/01-tiny-quiz.yaml",
      "modules/only/activities/02-elsewhere.yaml",
    ]);

    const dir = await mkdtemp(path.join(tmpdir(), "crosscheck-export-unit-"));
    dirs.push(dir);
    await writeCourseFiles(dir, files);
    const back = await loadCourse(dir);

    const { bylineNote: _dropped, ...beta } = input.sources[1]!;
    const { status: _published, ...published } = input.modules[0]!.activities[1]!;
    expect(back).toStrictEqual({
      ...input,
      sources: [input.sources[0], beta],
      modules: [{ ...input.modules[0], activities: [input.modules[0]!.activities[0], published] }],
    });
    expect(courseToFiles(back)).toEqual(files);
  });

  it("leaves out published status, keeps drafts, and orders record keys by the ids they name", () => {
    const files = courseToFiles(course());
    expect(files.get("sources/alpha.md")).not.toMatch(/^status:/m);
    expect(files.get("sources/beta.md")).toMatch(/^status: draft$/m);
    expect(files.get("modules/only/module.yaml")).toMatch(/^status: draft$/m);
    expect(files.get("modules/only/lessons/01-first.md")).not.toMatch(/^status:/m);
    expect(files.get("modules/only/lessons/02-second.md")).toMatch(/^status: draft$/m);
    expect(files.get("modules/only/activities/01-tiny-quiz.yaml")).toMatch(/^status: draft$/m);
    expect(files.get("modules/only/activities/02-elsewhere.yaml")).not.toMatch(/^status:/m);

    const quiz = files.get("modules/only/activities/01-tiny-quiz.yaml")!;
    expect(quiz.indexOf("long-claim:\n")).toBeLessThan(quiz.indexOf("      c:\n"));
    expect(quiz.indexOf("        beta: contradicts")).toBeLessThan(quiz.indexOf("        alpha: states"));
    expect(quiz.indexOf("second-item: x")).toBeLessThan(quiz.indexOf("i: y"));
  });

  it("writes the frontmatter before the body, which ends with one newline", () => {
    const lesson = courseToFiles(course()).get("modules/only/lessons/01-first.md")!;
    expect(lesson).toBe('---\nslug: first\ntitle: "123"\nsummary: "true"\nminutes: 5\n---\n## Heading\n\n---\n\nText after a rule.\n');
  });
});
