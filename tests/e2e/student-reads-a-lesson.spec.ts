import { expect, expectNoAxeViolations, signIn, signUpNewStudent, test } from "./fixtures";

test("a student reads a lesson with the term lens, opens a source, marks the lesson complete, and finds the progress after signing in again", async ({ page }) => {
  const { email, password } = await signUpNewStudent(page, "Reader Rae");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "3. The September 2023 operation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The September 2023 operation" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Timeline: The September 2023 operation/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Stepanakert/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "From the closure of the Lachin corridor to the exodus" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "From the closure of the Lachin corridor to the exodus" })).toBeVisible();

  // The lens: a contested term is reachable by keyboard and explains who uses which name.
  const lens = page.getByRole("button", { name: "Contested-terms lens" });
  await expect(lens).toHaveAttribute("aria-pressed", "true");
  const firstTerm = page.locator("article .term[tabindex='0']").first();
  await firstTerm.focus();
  await expect(page.getByRole("tooltip")).toBeVisible();
  await expect(page.getByRole("tooltip")).toContainText(/usage/);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tooltip")).toBeHidden();
  await lens.click();
  await expect(lens).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator("article .term[tabindex='0']")).toHaveCount(0);
  await lens.click();
  await expect(lens).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page);

  // A source, with its provenance card beside the text and links back to the lessons.
  await page.getByRole("link", { name: /Weak Russia/ }).click();
  const card = page.getByRole("complementary", { name: /Weak Russia/ });
  await expect(card).toContainText("Global Defense Corp");
  await expect(card).toContainText("defence news website");
  await expect(page.getByRole("navigation", { name: "Used in" }).getByRole("link", { name: "From the closure of the Lachin corridor to the exodus" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("navigation", { name: "Used in" }).getByRole("link", { name: "From the closure of the Lachin corridor to the exodus" }).click();

  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lesson marked as complete." })).toBeVisible();
  await expect(page.getByRole("button", { name: /Completed/ })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/learn$/);
  const module3 = page.getByRole("listitem").filter({ hasText: "3. The September 2023 operation" });
  await expect(module3).toContainText("1 of 2 lessons done");
  await expect(page.getByText("Pick up where you left off")).toContainText("From the closure of the Lachin corridor to the exodus");
  await page.getByRole("link", { name: "3. The September 2023 operation" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "From the closure of the Lachin corridor to the exodus" })).toContainText("done");
});

test("a learner who leaves a lesson halfway is brought back to where they stopped", async ({ page }) => {
  await signUpNewStudent(page, "Halfway Hana");
  await page.goto("/learn/statement-2020/the-nine-points");
  await expect(page.getByRole("button", { name: "Mark lesson complete" })).toBeEnabled();
  // The position is saved a moment after scrolling stops: wait for that request to be answered.
  const saved = page.waitForResponse(
    (r) =>
      r.request().method() === "POST" &&
      new URL(r.url()).pathname === "/learn/statement-2020/the-nine-points" &&
      /"position":0\.\d*[1-9]/.test(r.request().postData() ?? ""),
  );
  await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2));
  await saved;

  await page.goto("/learn");
  await expect(page.getByText("Pick up where you left off")).toContainText("The nine points");
  await page.getByRole("link", { name: "The nine points" }).click();
  await expect(page.getByText("Welcome back: we scrolled to where you stopped reading.")).toBeAttached();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
});

test("a lesson path that does not exist answers with the course's own not-found page", async ({ page }) => {
  await signUpNewStudent(page, "Lost Lior");
  for (const path of ["/learn/september-2023/no-such-lesson", "/learn/no-such-module/from-blockade-to-exodus"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toContainText(/not found|no such/i);
  }
});

test("on a phone, a lesson does not jump while the page finds out who is signed in", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUpNewStudent(page, "Phone Pia");
  // The lesson page's header learns who is signed in after loading (decision 007); every layout
  // shift from the first paint on is recorded, as the browser reports them (Cumulative Layout Shift).
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/learn/september-2023/from-blockade-to-exodus");
  await expect(page.getByRole("banner").getByText("Phone Pia")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark lesson complete" })).toBeEnabled();
  const shifted = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0));
  expect(shifted, "how far the lesson moved (layout shift score)").toBeLessThan(0.01);
});
