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

  it("leaves a variant's exception phrases unmarked: Karabakh Armenians are a people, not a name for the region", () => {
    const withException = terms.map((t) => (t.id === "nk" ? { ...t, variants: t.variants.map((v) => (v.name === "Karabakh" ? { ...v, notIn: ["Karabakh Armenian", "Karabakh Armenians"] } : v)) } : t));
    const found = createTermMatcher(withException)("Karabakh Armenians left Karabakh; a Karabakh Armenian official; Karabakh.");
    expect(found.map((m) => [m.name, m.start])).toEqual([["Karabakh", 24], ["Karabakh", 64]]);
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

  it.each([
    ["a script tag", "<script>alert(1)</script>"],
    ["an onerror handler", '<img src=x onerror="alert(1)">'],
    ["a javascript: link", "[click](javascript:alert(1))"],
    ["a mixed-case JaVaScRiPt: link", "[click](JaVaScRiPt:alert(1))"],
    ["an entity-encoded javascript: link", "[click](&#106;avascript:alert(1))"],
    ["a data: link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["a data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
    ["an svg onload", "<svg onload=alert(1)></svg>"],
    ["an iframe srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ["a reference-style javascript: link", "[click][x]\n\n[x]: javascript:alert(1)\n\nThen"],
    ["a style attribute", '<p style="background:url(javascript:alert(1))">x</p>'],
  ])("renders %s inert", async (_, payload) => {
    const html = await renderLessonHtml(`Before ${payload} after`, terms);
    // Only the markup matters: the payload may survive as harmless visible text.
    const tags = (html.match(/<[^>]*>/g) ?? []).join(" ");
    expect(tags).not.toMatch(/<(script|svg|iframe|object|embed|style)\b|\son\w+\s*=|javascript:|data:|srcdoc|style=/i);
    expect(html).toContain("Before");
  });

  it("renders GFM tables (the nine points)", async () => {
    const html = await renderLessonHtml("| Point | Text |\n|---|---|\n| 1 | Ceasefire |", terms);
    expect(html).toContain("<table>");
    expect(html).toContain("<td>Ceasefire</td>");
  });
});
