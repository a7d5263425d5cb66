import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { DEMO, expect, signIn, test } from "./fixtures";

/**
 * An admin imports a course zip a colleague shared. Its first source opens with `---js`, which the
 * front-matter library we used to have ran with `eval` on the server (full compromise). The admin is told
 * which file is wrong and why, nothing is imported, and the code never runs.
 */
test("a shared course whose source opens with ---js is refused by name, and its code never runs", async ({ page }) => {
  const marker = path.join(tmpdir(), `crosscheck-e2e-pwned-${randomBytes(6).toString("hex")}`);
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin/);

  const exported = await page.request.get("/admin/content/export.zip");
  expect(exported.status()).toBe(200);
  const files = unzipSync(new Uint8Array(await exported.body()));
  const source = Object.keys(files).find((name) => name.includes("/sources/") && name.endsWith(".md"))!;
  const body = strFromU8(files[source]!).split("\n---\n").slice(1).join("\n---\n");
  files[source] = strToU8(
    `---js\n{ slug: (process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker)}, "pwned"), "x") }\n---\n${body}`,
  );

  await page.goto("/admin/content/transfer");
  await page.getByLabel("Course file (.zip)").setInputFiles({ name: "from-a-colleague.zip", mimeType: "application/zip", buffer: Buffer.from(zipSync(files)) });
  await page.getByRole("button", { name: "Import the course" }).click();

  await expect(page.getByText("The course was not imported: nothing was changed.")).toBeVisible();
  await expect(page.getByLabel("Course file (.zip)")).toHaveAccessibleDescription(
    `${source}: cannot read frontmatter: the first line must be exactly "---" (found "---js"): front matter is read as YAML only, never as code`,
  );
  expect(existsSync(marker), "the zip's code ran on the server").toBe(false);
});
