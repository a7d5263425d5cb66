import { describe, expect, it } from "vitest";
import { parseFrontMatter, parseYamlData, stringifyFrontMatter } from "../../lib/content/front-matter";

describe("front matter is read as YAML data only", () => {
  it("reads fields and the body, with Windows line ends and a byte-order mark", () => {
    expect(parseFrontMatter("\uFEFF---\r\nslug: a\r\ntitle: 'x: y'\r\n---\r\nBody\r\n\r\n---\r\nafter a rule")).toEqual({
      data: { slug: "a", title: "x: y" },
      body: "Body\n\n---\nafter a rule",
    });
  });

  it("refuses any other opening line, which gray-matter would hand to an engine (---js evaluates)", () => {
    for (const opening of ["---js", "---javascript", "---coffee", "--- js", "---json"]) {
      expect(() => parseFrontMatter(`${opening}\n{ slug: "x" }\n---\nbody`)).toThrow(
        `the first line must be exactly "---" (found "${opening}")`,
      );
    }
  });

  it("says what is missing when there is no front matter or no closing line", () => {
    expect(() => parseFrontMatter("slug: a\n")).toThrow('the file must start with a line "---"');
    expect(() => parseFrontMatter("---\nslug: a\n")).toThrow('no closing line "---"');
  });

  it("refuses unknown tags and alias bombs instead of building anything from them", () => {
    expect(() => parseYamlData('title: !!js/function "function () {}"')).toThrow(/tag/i);
    expect(() => parseYamlData("x: !!python/object:os.system ls")).toThrow(/tag/i);
    const laughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) laughs.push(`${"abcdefgh"[i]}: &${"abcdefgh"[i]} [${Array(10).fill(`*${"abcdefgh"[i - 1]}`).join(", ")}]`);
    expect(() => parseYamlData(laughs.join("\n"))).toThrow(/alias/i);
  });

  it("writes what it reads back, dates and look-alike values kept as strings", () => {
    const data = { slug: "s", publishedAt: "2021-11-12", title: "yes", minutes: 5, note: "line: with colon" };
    const text = stringifyFrontMatter(data, "## Heading\n\n---\n\nText");
    expect(parseFrontMatter(text)).toEqual({ data, body: "## Heading\n\n---\n\nText\n" });
  });
});
