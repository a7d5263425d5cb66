import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { keepPage, pageBody } from "@/lib/http/lesson-page-cache";

const OLD = "HqIqC2zWrsfaoA+ewwiH9w==";
const NEW = "kuwJxOZswr8Qwq8mtNu1vA==";

describe("a lesson page kept in memory", () => {
  const cases: Record<string, string> = {
    "the nonce inside the page": `<html><script nonce="${OLD}">a()</script><p>Stepanakert/Khankendi</p><script nonce="${OLD}"></script></html>`,
    "the nonce first, last and twice in a row": `${OLD}<p>x</p>${OLD}${OLD}`,
    "no nonce at all": "<p>plain</p>",
    "a long page (several deflate blocks)": `<main>${randomBytes(90_000).toString("base64")}<script nonce="${OLD}"></script>${"é".repeat(40_000)}</main>`,
  };
  for (const [name, html] of Object.entries(cases)) {
    it(`puts the new nonce everywhere the old one was, plain and gzip-compressed: ${name}`, () => {
      const page = keepPage(Buffer.from(html), OLD, [["content-type", "text/html; charset=utf-8"]]);
      const expected = html.split(OLD).join(NEW);
      expect(pageBody(page, NEW, false).toString()).toBe(expected);
      // gunzip checks the CRC-32 and the length in the trailer, so a wrong one fails here.
      expect(gunzipSync(pageBody(page, NEW, true)).toString()).toBe(expected);
    });
  }

  it("is smaller compressed than plain", () => {
    const html = `<p>${"The trilateral statement of 9 November 2020. ".repeat(500)}</p><script nonce="${OLD}"></script>`;
    const page = keepPage(Buffer.from(html), OLD, []);
    expect(pageBody(page, NEW, true).length).toBeLessThan(html.length / 10);
  });

  it("never keeps a cookie or anything that belongs to one response", () => {
    const page = keepPage(Buffer.from("<p></p>"), OLD, [
      ["Set-Cookie", "authjs.session-token=secret"],
      ["content-security-policy", `script-src 'nonce-${OLD}'`],
      ["content-length", "7"],
      ["date", "Mon, 30 Nov 2026 13:00:00 GMT"],
    ]);
    expect(page.headers).toEqual([["content-security-policy", `script-src 'nonce-${OLD}'`]]);
  });
});
