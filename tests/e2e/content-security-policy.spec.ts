import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

/**
 * The Content-Security-Policy lets a page run only the scripts that carry its response's nonce
 * (docs/decisions/011). These tests check what a user would notice: every page still works under it, and
 * a script smuggled into a page does not run.
 */
const LESSON = "/learn/september-2023/from-blockade-to-exodus";

const scriptPolicy = (csp: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";

/** Collects what the browser reports about the policy and about scripts failing. */
function watchViolations(page: Page) {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to (execute|load)/i.test(message.text())) seen.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => seen.push(`${page.url()}: ${error.message}`));
  return seen;
}

test("each page gets its own nonce, and every script in it carries that nonce", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 2; i++) {
    for (const path of ["/", "/login", "/signup"]) {
      const response = await request.get(path);
      const policy = scriptPolicy(response.headers()["content-security-policy"] ?? "");
      expect(policy, path).not.toContain("unsafe-inline");
      expect(policy, path).not.toContain("unsafe-eval");
      const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
      expect(nonce, `${path} has a nonce`).toBeTruthy();
      nonces.add(nonce!);
      const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, path).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  }
  expect(nonces.size, "no nonce is used twice").toBe(6);
  // JSON answers are never documents that may run anything.
  expect((await request.get("/api/health")).headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("every role's pages work under the policy, with no violation reported", async ({ browser }) => {
  test.setTimeout(120_000);
  const visits: Record<keyof typeof DEMO, string[]> = {
    student: ["/learn", "/learn/september-2023", LESSON, "/learn/september-2023/activities/september-2023-quiz", "/learn/sources"],
    instructor: ["/teach", "/teach/classes/new"],
    admin: ["/admin/content", "/admin/content/activities/war-2020-quiz", "/admin/users"],
  };
  for (const [role, paths] of Object.entries(visits) as [keyof typeof DEMO, string[]][]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = watchViolations(page);
    await signIn(page, DEMO[role]);
    await expect(page).not.toHaveURL(/\/login/);
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    // Client-side navigation still runs. (Not signing out: that ends every session of this shared demo
    // account, including other tests' running in parallel.)
    await page.getByRole("banner").getByRole("link", { name: "Crosscheck" }).click();
    await expect(page).not.toHaveURL(new RegExp(`${paths.at(-1)}$`));
    expect(violations, `${role}'s pages`).toEqual([]);
    await context.close();
  }
});

test("a script smuggled into a lesson page does not run, and the page's own scripts still do", async ({ page }) => {
  await signIn(page, DEMO.student);
  await expect(page).toHaveURL(/\/learn$/);
  const violations = watchViolations(page);
  // What a stored cross-site-scripting flaw would put in the page: an inline script and an event handler.
  await page.route(LESSON, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</article>",
      `<script>window.__injected = "inline"</script><img src="/nope.png" onerror="window.__injected = 'handler'" alt=""></article>`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto(LESSON);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The page's own scripts ran: the contested-terms lens responds.
  const lens = page.getByRole("button", { name: "Contested-terms lens" });
  await expect(lens).toHaveAttribute("aria-pressed", "true");
  await lens.click();
  await expect(lens).toHaveAttribute("aria-pressed", "false");

  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  expect(violations.some((v) => /Content.Security.Policy/i.test(v)), "the browser reports the refused scripts").toBe(true);
  await page.unrouteAll({ behavior: "ignoreErrors" });
});
