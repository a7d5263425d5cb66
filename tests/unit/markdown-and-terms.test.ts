import { describe, expect, it } from "vitest";
import { renderLessonHtml } from "@/lib/content/markdown";
import { createTermMatcher } from "@/lib/content/term-matcher";

const terms = [
  { id: "nk", neutral: "Nagorno-Karabakh", note: "n", variants: [{ name: "Nagorno-Karabakh", usedBy: "intl" }, { name: "Karabakh", usedBy: "az" }, { name: "Artsakh", usedBy: "am" }] },
  { id: "stk", neutral: "Stepanakert / Khankendi", note: "n", variants: [{ name: "Stepanakert", usedBy: "am" }, { name: "Khankendi", usedBy: "az" }] },
];

describe("contested terms", () => {
  it("prefers the longest name and matches whole words only", () => {
    const found = createTermMatcher(terms)("Nagorno-Karabakh, Karabakh and Artsakhian; Stepanakert/Khankendi.");
    expect(found.map((m) => m.name)).toEqual(["Nagorno-Karabakh", "Karabakh", "Stepanakert", "Khankendi"]);
  });

  it("marks terms in lesson text but not inside headings or links", async () => {
    const html = await renderLessonHtml("## Karabakh\n\nIn Stepanakert, see [Artsakh](https://example.org).", terms);
    expect(html).toContain('<h2>Karabakh</h2>');
    expect(html).toContain('<span class="term" data-term="stk">Stepanakert</span>');
    expect(html).toContain('<a href="https://example.org">Artsakh</a>');
  });

  it("sanitizes authored HTML before adding its own markup", async () => {
    const html = await renderLessonHtml('Hi <script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))', terms);
    expect(html).not.toMatch(/<script|onerror|javascript:/);
  });

  it("renders GFM tables (the nine points)", async () => {
    const html = await renderLessonHtml("| Point | Text |\n|---|---|\n| 1 | Ceasefire |", terms);
    expect(html).toContain("<table>");
    expect(html).toContain("<td>Ceasefire</td>");
  });
});
