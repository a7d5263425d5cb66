import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

/**
 * On a phone (390 px wide), no page scrolls sideways: wide tables scroll inside their own box, long
 * names wrap, and form fields fit the screen.
 */
test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading").first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${path} is ${width} px wide on a 390 px screen`).toBeLessThanOrEqual(390);
}

test("an admin's pages fit a phone's width", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin/);
  for (const path of ["/admin/users", "/admin/audit", "/admin/content"]) await expectNoSidewaysScroll(page, path);
});

test("an instructor's pages fit a phone's width, the class's tables scrolling inside their own box", async ({ page }) => {
  await signIn(page, DEMO.instructor);
  await expect(page).toHaveURL(/\/teach/);
  await expectNoSidewaysScroll(page, "/teach");
  await page.getByRole("link", { name: "Demo: History 10B" }).click();
  const classPage = new URL(page.url()).pathname;
  for (const path of [classPage, `${classPage}/people`, `${classPage}/assignments`, `${classPage}/accounts`, `${classPage}/analysis`]) {
    await expectNoSidewaysScroll(page, path);
  }
});
