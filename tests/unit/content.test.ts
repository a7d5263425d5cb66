import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError, loadCourse } from "../../lib/content/load-course";

const CONTENT = path.join(process.cwd(), "content");
const temps: string[] = [];

/** A private copy of content/ that one test may break. */
async function copyContent(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "crosscheck-content-"));
  temps.push(dir);
  const root = path.join(dir, "content");
  await cp(CONTENT, root, { recursive: true });
  return root;
}

async function edit(file: string, change: (text: string) => string) {
  const text = await readFile(file, "utf8");
  const changed = change(text);
  expect(changed).not.toBe(text); // the break must actually happen, or the test proves nothing
  await writeFile(file, changed);
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("the course content", () => {
  it("loads and validates without errors", async () => {
    const course = await loadCourse(CONTENT);
    expect(course.sources.map((s) => s.slug).sort()).toEqual([
      "avim-2021-one-year-after",
      "gdc-2023-weak-russia",
      "kuzio-2021-first-anniversary",
      "nee-2023-final-battle",
      "sceeus-2023-anti-terrorist",
    ]);
    expect(course.modules.map((m) => m.slug)).toEqual(["reading-sources", "war-2020", "statement-2020", "september-2023"]);
    for (const m of course.modules) expect(m.lessons.length).toBeGreaterThanOrEqual(2);
    expect(course.terms.length).toBeGreaterThanOrEqual(10);
  });

  it("never gives away a stance answer: an evidence question beside a stance question names no side", async () => {
    const { modules } = await loadCourse(CONTENT);
    const checked: string[] = [];
    for (const activity of modules.flatMap((m) => m.activities)) {
      const questions = activity.questions as { id: string; type: string; prompt: string; label?: string; axes?: { axis: string }[] }[];
      if (!questions.some((q) => q.type === "perspective" && q.axes?.some((a) => a.axis === "stance"))) continue;
      for (const q of questions.filter((q) => q.type === "evidence")) {
        checked.push(`${activity.slug}/${q.id}`);
        expect(`${q.prompt} ${q.label ?? ""}`, `${activity.slug}/${q.id}`).not.toMatch(/azerbaijan|armenia|russia|both sides|one side|pro-/i);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(4);
  });

  it("keeps source bodies as clean plain text for offset highlighting", async () => {
    const { sources } = await loadCourse(CONTENT);
    for (const s of sources) {
      expect(s.body).not.toMatch(/^\s|\s$/);
      expect(s.body).not.toMatch(/\]\(|<https?:|\\_/);
    }
  });
});

describe("broken content is reported with its file and field", () => {
  it("names the source file and field when a title is missing", async () => {
    const root = await copyContent();
    await edit(path.join(root, "sources/gdc-2023-weak-russia.md"), (t) => t.replace(/^title: .*\n/m, ""));
    const error = await loadCourse(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(/^content\/sources\/gdc-2023-weak-russia\.md: title: /);
  });

  it("names the field path inside a nested author", async () => {
    const root = await copyContent();
    await edit(path.join(root, "sources/kuzio-2021-first-anniversary.md"), (t) =>
      t.replace('  - name: "Taras Kuzio"\n', "  - {}\n    # name removed\n").replace(/^ {4}affiliation: .*\n/m, ""),
    );
    await expect(loadCourse(root)).rejects.toThrow(/content\/sources\/kuzio-2021-first-anniversary\.md: authors\.0\.name: /);
  });

  it("rejects a module that lists an unknown source", async () => {
    const root = await copyContent();
    await edit(path.join(root, "modules/war-2020/module.yaml"), (t) => t.replace(/^sources:\n/m, "sources:\n  - no-such-source\n"));
    await expect(loadCourse(root)).rejects.toThrow(/content\/modules\/war-2020\/module\.yaml: sources\.0: unknown source "no-such-source"/);
  });

  it("rejects a quote that does not occur verbatim in its source", async () => {
    const root = await copyContent();
    const file = path.join(root, "modules/war-2020/activities/99-broken.yaml");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      [
        "slug: broken",
        "kind: exercise",
        "title: Broken",
        "intro: A quote the article never printed.",
        "sources: [kuzio-2021-first-anniversary]",
        "questions:",
        "  - id: q1",
        "    type: evidence",
        "    skill: evidence",
        "    prompt: Mark the passage.",
        "    source: kuzio-2021-first-anniversary",
        "    label: invented",
        "    passages: [\"Azerbaijan lost the war.\"]",
        "    explanation: The quote is invented.",
        "",
      ].join("\n"),
    );
    await expect(loadCourse(root)).rejects.toThrow(
      /content\/modules\/war-2020\/activities\/99-broken\.yaml: questions\.q1\.passages\.0: quote not found verbatim/,
    );
  });

  it("rejects two modules with the same order", async () => {
    const root = await copyContent();
    await edit(path.join(root, "modules/statement-2020/module.yaml"), (t) => t.replace(/^order: 2$/m, "order: 1"));
    await expect(loadCourse(root)).rejects.toThrow(/duplicate module order "1"/);
  });
});
