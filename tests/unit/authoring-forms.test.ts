import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { activityToYaml, parseActivityYaml } from "@/lib/authoring/activity-yaml";
import { buildSourceQuestions, newSourceQuiz, ZBuilderInput, type TBuilderSource } from "@/lib/authoring/question-builder";
import { formatAuthors, normalizeBody, parseAuthors, toSource, type TSourceForm } from "@/lib/authoring/source-form";
import { ZActivity, type TActivity, type TQuestion } from "@/lib/content/activity-schema";
import { loadCourse } from "@/lib/content/load-course";
import { ZSource, ZSourceBody } from "@/lib/content/schemas";

// ---------------------------------------------------------------------------------------------------
// The source form
// ---------------------------------------------------------------------------------------------------

describe("normalizeBody: pasted article text becomes the stored body", () => {
  it("one line per paragraph, exactly one blank line between, no CR, tabs or no-break spaces", () => {
    const pasted = [
      "",
      "   ",
      "The first paragraph was pasted\r\n",
      "from a PDF, so it is broken\tacross lines\r\n",
      "and has a no-break\u00a0space.\r\n",
      "\r\n",
      "\r\n",
      "\r\n",
      "Second  paragraph,\t\tone line.\n",
      " \t \n",
      "\u00a0\n",
      "\n",
      "Third paragraph\n",
      "  ends here.\n",
      "\n",
      "\n",
      "\n",
    ].join("");
    const body = normalizeBody(pasted);
    expect(body).toBe(
      [
        "The first paragraph was pasted from a PDF, so it is broken across lines and has a no-break space.",
        "Second paragraph, one line.",
        "Third paragraph ends here.",
      ].join("\n\n"),
    );
    expect(ZSourceBody.safeParse(body).success).toBe(true);
  });

  it("a lone CR (old Mac line ending) is a line break too, and a body already normal is left as it is", () => {
    expect(normalizeBody("One\rtwo.\r\rThree.")).toBe("One two.\n\nThree.");
    const normal = "A paragraph.\n\nAnother paragraph.";
    expect(normalizeBody(normal)).toBe(normal);
    expect(normalizeBody(normalizeBody("x\n\n\n\ny\t z"))).toBe("x\n\ny z");
  });

  it("what it gives passes ZSourceBody, where the raw paste does not", () => {
    const raw = "Para\tone\r\n\r\n\r\n\r\nPara\u00a0two\nstill two";
    expect(ZSourceBody.safeParse(raw).success).toBe(false);
    const body = normalizeBody(raw);
    expect(body).toBe("Para one\n\nPara two still two");
    expect(ZSourceBody.safeParse(body).success).toBe(true);
  });
});

describe("parseAuthors and formatAuthors", () => {
  it("reads an em dash, an en dash, ' | ' and ' - ' as the separator, one author per line, blank lines ignored", () => {
    const text = [
      "",
      "Jane Doe — Example University",
      "   ",
      "Jean-Paul Martin – Centre for Studies, Paris",
      "Ann Lee | Institute of Things",
      "Bo Chen - Daily News",
      "",
    ].join("\n");
    expect(parseAuthors(text)).toEqual([
      { name: "Jane Doe", affiliation: "Example University" },
      // A hyphen inside a name is not a separator: only " - " with spaces is.
      { name: "Jean-Paul Martin", affiliation: "Centre for Studies, Paris" },
      { name: "Ann Lee", affiliation: "Institute of Things" },
      { name: "Bo Chen", affiliation: "Daily News" },
    ]);
    expect(parseAuthors("Ann Lee | Institute\r\nBo Chen — Daily")).toEqual([
      { name: "Ann Lee", affiliation: "Institute" },
      { name: "Bo Chen", affiliation: "Daily" },
    ]);
  });

  it("a line with no separator is a name with an empty affiliation; nothing at all is no authors", () => {
    expect(parseAuthors("Jane Doe")).toEqual([{ name: "Jane Doe", affiliation: "" }]);
    expect(parseAuthors("")).toEqual([]);
    expect(parseAuthors("\n  \n")).toEqual([]);
  });

  it("round trip: formatAuthors writes what parseAuthors reads back unchanged", () => {
    const authors = [
      { name: "Taras Kuzio", affiliation: "Professor of political science at the National University of Kyiv Mohyla Academy" },
      { name: "Samir Hajizada", affiliation: "Communications manager, Topchubashov Center" },
      // An em dash inside the affiliation survives too.
      { name: "A. Writer", affiliation: "Centre — Department of History" },
    ];
    const text = formatAuthors(authors);
    expect(text.split("\n")).toHaveLength(3);
    expect(text.split("\n")[0]).toBe("Taras Kuzio — Professor of political science at the National University of Kyiv Mohyla Academy");
    expect(parseAuthors(text)).toEqual(authors);
    expect(formatAuthors(parseAuthors(text))).toBe(text);
    expect(formatAuthors([])).toBe("");
  });
});

function form(overrides: Partial<TSourceForm> = {}): TSourceForm {
  return {
    slug: "example-2023-report",
    title: "  An example report  ",
    authors: "Jane Doe — Example News Agency\nBo Chen - Daily News",
    bylineNote: "",
    outletName: "Example News",
    outletKind: "International news agency",
    outletUrl: "https://example.org",
    publishedAt: "2023-09-21",
    dateNote: "",
    url: "https://example.org/report",
    urlNote: "",
    genre: "news-report",
    stanceStatement: "",
    voice: "other-country",
    voiceNote: "",
    rights: "Written for the tests",
    body: "First paragraph\r\nbroken in two.\r\n\r\n\r\nSecond\tparagraph.",
    ...overrides,
  };
}

describe("toSource: the form becomes a source checked by the content schema", () => {
  it("a valid form gives a source that passes ZSource, with trimmed text, empty optionals dropped and the body normalized", () => {
    const { source, fieldErrors } = toSource(form(), "draft");
    expect(fieldErrors).toBeNull();
    expect(ZSource.safeParse(source).success).toBe(true);
    expect(source).toMatchObject({
      slug: "example-2023-report",
      title: "An example report",
      authors: [
        { name: "Jane Doe", affiliation: "Example News Agency" },
        { name: "Bo Chen", affiliation: "Daily News" },
      ],
      outlet: { name: "Example News", kind: "International news agency", url: "https://example.org" },
      publishedAt: "2023-09-21",
      url: "https://example.org/report",
      stanceStatement: null,
      language: "en",
      status: "draft",
      body: "First paragraph broken in two.\n\nSecond paragraph.",
    });
    expect(source!.bylineNote).toBeUndefined();
    expect(source!.dateNote).toBeUndefined();
    // An empty outlet URL is "no URL", not an invalid one.
    expect(toSource(form({ outletUrl: "  " }), "published").source?.outlet.url).toBeNull();
  });

  it("a bad date is reported on publishedAt", () => {
    for (const publishedAt of ["21/09/2023", "2023-9-21", ""]) {
      const { source, fieldErrors } = toSource(form({ publishedAt }), "draft");
      expect(source).toBeNull();
      expect(fieldErrors?.publishedAt, publishedAt).toMatch(/YYYY-MM-DD/);
    }
  });

  it("refuses links that are not web addresses (javascript:, data:, file:), on the field that holds them", () => {
    for (const bad of ["javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "vbscript:x"]) {
      for (const field of ["url", "outletUrl"] as const) {
        const { source, fieldErrors } = toSource(form({ [field]: bad }), "draft");
        expect(source, `${field} = ${bad}`).toBeNull();
        expect(fieldErrors![field]).toBe("Enter a web address starting with http:// or https://");
      }
    }
    expect(toSource(form({ url: "http://example.org/a?b=c#d" }), "draft").source?.url).toBe("http://example.org/a?b=c#d");
  });

  it("a bad outlet URL is reported on outletUrl (not on the outlet's name)", () => {
    const { source, fieldErrors } = toSource(form({ outletUrl: "example dot org" }), "draft");
    expect(source).toBeNull();
    expect(Object.keys(fieldErrors!)).toEqual(["outletUrl"]);
    expect(fieldErrors!.outletUrl).toBeTruthy();
  });

  it("an author line without an affiliation is reported on authors, naming its line", () => {
    const first = toSource(form({ authors: "Jane Doe\nBo Chen — Daily News" }), "draft");
    expect(first.source).toBeNull();
    expect(first.fieldErrors?.authors).toMatch(/^Line 1: /);
    // Blank lines do not count: the second author typed after a blank line is still "Line 2".
    const second = toSource(form({ authors: "Jane Doe — Example\n\nBo Chen" }), "draft");
    expect(second.fieldErrors?.authors).toMatch(/^Line 2: /);
  });

  it("no authors needs a byline note; with one, the source is valid", () => {
    const missing = toSource(form({ authors: "", bylineNote: "" }), "draft");
    expect(missing.source).toBeNull();
    expect(missing.fieldErrors?.bylineNote).toBe("A source without authors needs a byline note (bylineNote) that says so");
    const noted = toSource(form({ authors: "\n", bylineNote: "No author is named." }), "draft");
    expect(noted.fieldErrors).toBeNull();
    expect(noted.source).toMatchObject({ authors: [], bylineNote: "No author is named." });
    expect(ZSource.safeParse(noted.source).success).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// Activity YAML
// ---------------------------------------------------------------------------------------------------

/** The 1-based number of the only line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const lines = text.split("\n");
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  expect(hits, `"${needle}" should be on exactly one line`).toHaveLength(1);
  return hits[0]!;
}

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from), `"${from}" should occur exactly once`).toHaveLength(2);
  return text.replace(from, to);
}

describe("activity YAML", () => {
  let quiz: TActivity;
  let yaml: string;

  beforeAll(async () => {
    const course = await loadCourse(path.join(process.cwd(), "content"));
    const war = course.modules.find((m) => m.slug === "war-2020");
    // content/modules/war-2020/activities/02-quiz.yaml
    quiz = war!.activities.find((a) => a.slug === "war-2020-quiz")!;
    expect(quiz).toBeDefined();
    yaml = activityToYaml(quiz);
  });

  it("activityToYaml of the war-2020 quiz parses back to a deep-equal activity", () => {
    expect(yaml.startsWith("slug: war-2020-quiz\n")).toBe(true);
    const back = parseActivityYaml(yaml);
    expect(back.error).toBeNull();
    expect(back.activity).toStrictEqual(quiz);
    // And again: the YAML is stable.
    expect(activityToYaml(back.activity!)).toBe(yaml);
  });

  it("keys come out in the schema's order whatever order the object has, and status is left out", () => {
    const shuffled = Object.fromEntries(Object.entries({ ...quiz, status: "draft" as const }).reverse()) as TActivity;
    const text = activityToYaml(shuffled);
    expect(text).toBe(yaml);
    expect(text).not.toMatch(/^status:/m);
  });

  it("CRLF line endings read the same as LF", () => {
    expect(parseActivityYaml(yaml.replace(/\n/g, "\r\n")).activity).toStrictEqual(quiz);
  });

  it("an error in a nested field names its dotted path and the line it is on", () => {
    // q1's stance axis (questions.0.axes.1) gets an answer that is not one of its options.
    const broken = replaceOnce(yaml, "answer: pro-azerbaijani", "answer: pro-nobody");
    const { activity, error } = parseActivityYaml(broken);
    expect(activity).toBeNull();
    expect(error).toBe(`questions.0.axes.1.answer (line ${lineOf(broken, "answer: pro-nobody")}): answer "pro-nobody" is not an option`);
  });

  it("a type error deep in a question is located the same way", () => {
    // q6, the written question, is questions.5.
    const broken = replaceOnce(yaml, "minWords: 40", "minWords: -4");
    const { error } = parseActivityYaml(broken);
    expect(error).toMatch(new RegExp(`^questions\\.5\\.minWords \\(line ${lineOf(broken, "minWords: -4")}\\): `));
  });

  it("a duplicated key is a YAML error on the duplicate's line", () => {
    // The second `title` (after the first) is the duplicate.
    const broken = replaceOnce(yaml, "\nintro: ", "\ntitle: Again\nintro: ");
    const { activity, error } = parseActivityYaml(broken);
    expect(activity).toBeNull();
    expect(error).toMatch(/^YAML \(line \d+\): /);
    expect(error).toContain(`(line ${lineOf(broken, "title: Again")})`);
    // Inside a question, too: q3 (the only multiple-answer question) given a second prompt after its first.
    expect(lineOf(yaml, "multiple: true")).toBeGreaterThan(lineOf(yaml, "Kuzio names four factors"));
    const nested = replaceOnce(yaml, "\n    multiple: true\n", "\n    multiple: true\n    prompt: A second prompt\n");
    expect(parseActivityYaml(nested).error).toMatch(new RegExp(`^YAML \\(line ${lineOf(nested, "prompt: A second prompt")}\\): `));
  });

  it("bad indentation is a YAML error on the misindented line", () => {
    const broken = replaceOnce(yaml, "\n  - id: q3\n", "\n   - id: q3\n");
    const { activity, error } = parseActivityYaml(broken);
    expect(activity).toBeNull();
    expect(error).toMatch(new RegExp(`^YAML \\(line ${lineOf(broken, "   - id: q3")}\\): `));
  });

  it("an unknown question type is refused on that question's type", () => {
    const broken = replaceOnce(yaml, "type: written", "type: essay");
    const { activity, error } = parseActivityYaml(broken);
    expect(activity).toBeNull();
    expect(error).toMatch(new RegExp(`^questions\\.5\\.type \\(line ${lineOf(broken, "type: essay")}\\): `));
  });

  it("an unknown field or a document that is not an activity is refused", () => {
    expect(parseActivityYaml(replaceOnce(yaml, "\nkind: quiz\n", "\nkind: quiz\ncolour: red\n")).error).toMatch(/^\(activity\)/);
    expect(parseActivityYaml("just a string").activity).toBeNull();
    expect(parseActivityYaml("").activity).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------
// The question builder
// ---------------------------------------------------------------------------------------------------

const SOURCE: TBuilderSource = { slug: "example-2023-report", title: "An example report", outlet: "Example News", publishedAt: "2023-09-21" };
const PASSAGES = ["The first marked sentence.", "A second marked clause", "The third passage, about the other side."];

const builderInput = (overrides: Record<string, unknown> = {}) =>
  ZBuilderInput.parse({
    sourceSlug: SOURCE.slug,
    moduleSlug: "september-2023",
    target: "new",
    passages: PASSAGES,
    evidence: { label: "Evidence that it reports both sides", explanation: "Each view is attributed." },
    axes: [
      { axis: "genre", answer: "news", explanation: "It reports the day's events.", cites: [0] },
      { axis: "stance", answer: "reporting", explanation: "Both sides are quoted.", cites: [2, 1] },
    ],
    ...overrides,
  });

const ofType = <T extends TQuestion["type"]>(qs: TQuestion[], type: T) => qs.find((q): q is Extract<TQuestion, { type: T }> => q.type === type)!;

describe("the question builder", () => {
  it("the perspective question's axes cite exactly the passages chosen for each, and the evidence question holds the marked ones", () => {
    const questions = buildSourceQuestions(builderInput(), SOURCE);
    expect(questions.map((q) => [q.id, q.type])).toEqual([
      ["q1", "perspective"],
      ["q2", "evidence"],
    ]);
    const perspective = ofType(questions, "perspective");
    expect(perspective.source).toBe(SOURCE.slug);
    expect(perspective.prompt).toContain(SOURCE.title);
    expect(perspective.axes.map((a) => [a.axis, a.answer])).toEqual([
      ["genre", "news"],
      ["stance", "reporting"],
    ]);
    expect(perspective.axes[0]!.cites).toEqual([{ source: SOURCE.slug, quote: PASSAGES[0] }]);
    expect(perspective.axes[1]!.cites).toEqual([
      { source: SOURCE.slug, quote: PASSAGES[2] },
      { source: SOURCE.slug, quote: PASSAGES[1] },
    ]);
    // Each axis offers the course's standard options, including its answer.
    for (const axis of perspective.axes) expect(axis.options.map((o) => o.id)).toContain(axis.answer);

    const evidence = ofType(questions, "evidence");
    expect(evidence).toMatchObject({ source: SOURCE.slug, label: "Evidence that it reports both sides", explanation: "Each view is attributed." });
    expect(evidence.passages).toEqual(PASSAGES);
  });

  it("the new questions' ids avoid those already taken in the activity", () => {
    const existing = [{ id: "q1" }, { id: "q2" }, { id: "q4" }, { id: "intro" }] as TQuestion[];
    expect(buildSourceQuestions(builderInput(), SOURCE, existing).map((q) => q.id)).toEqual(["q3", "q5"]);
    // Into a real quiz: its q1..q9 stay, the new ones are q10 and q11, and the whole passes the schema.
    const taken = Array.from({ length: 9 }, (_, i) => ({ id: `q${i + 1}` })) as TQuestion[];
    expect(buildSourceQuestions(builderInput(), SOURCE, taken).map((q) => q.id)).toEqual(["q10", "q11"]);
  });

  it("newSourceQuiz gives a quiz on the source that passes ZActivity", () => {
    const quiz = newSourceQuiz(builderInput(), SOURCE, "example-2023-report-quiz");
    const parsed = ZActivity.safeParse(quiz);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(quiz).toMatchObject({ slug: "example-2023-report-quiz", kind: "quiz", title: `Quiz: ${SOURCE.title}`, sources: [SOURCE.slug] });
    expect(quiz.questions.map((q) => q.id)).toEqual(["q1", "q2"]);
    // A title typed in the builder wins; all three axes at once still pass.
    const titled = newSourceQuiz(
      builderInput({
        activityTitle: "  My quiz  ",
        axes: [
          { axis: "genre", answer: "analysis", explanation: "A think tank's brief.", cites: [0] },
          { axis: "stance", answer: "pro-armenian", explanation: "Its framing.", cites: [1] },
          { axis: "source-kind", answer: "think-tank", explanation: "An institution.", cites: [0, 1, 2] },
        ],
      }),
      SOURCE,
      "my-quiz",
    );
    expect(titled.title).toBe("My quiz");
    expect(ZActivity.safeParse(titled).success).toBe(true);
    // And it survives the YAML an admin edits it in.
    expect(parseActivityYaml(activityToYaml(titled)).activity).toStrictEqual(ZActivity.parse(titled));
  });
});

describe("dates in content", () => {
  it("a date must exist in the calendar: 2026-02-30 and 2026-13-01 are refused with a message, 2024-02-29 is kept", async () => {
    const { ZIsoDate } = await import("../../lib/content/schemas");
    expect(ZIsoDate.safeParse("2024-02-29").success).toBe(true);
    for (const text of ["2026-02-30", "2026-13-01", "2026-00-10"]) {
      const result = ZIsoDate.safeParse(text);
      expect(result.success, text).toBe(false);
      expect(result.error?.issues[0]?.message, text).toBe("There is no such date in the calendar");
    }
    expect(ZIsoDate.safeParse("30/02/2026").error?.issues[0]?.message).toBe("Expected a date as YYYY-MM-DD");
  });
});
