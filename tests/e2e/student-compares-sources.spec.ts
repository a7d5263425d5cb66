import { expect, expectNoAxeViolations, signUpNewStudent, test } from "./fixtures";

test("a student fills a claim grid, submits, sees the key per cell, and retakes with the first attempt kept", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto("/learn/statement-2020/activities/statement-2020-claim-grid");
  const grid = page.getByRole("table").first();
  await expect(grid).toBeVisible();
  const cells = grid.getByRole("combobox");
  const count = await cells.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) await cells.nth(i).selectOption({ label: "States it" });
  await expect(page.getByRole("status").filter({ hasText: /saved/ })).toHaveText("All answers saved.");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Submit exercise" }).click();
  // The grid is done but the other questions are not: the learner is told which, and can go on anyway.
  await expect(page.getByRole("main").getByRole("alert")).toContainText(/Questions [\d, ]+ are not answered yet/);
  await page.getByRole("button", { name: "Submit anyway" }).click();
  await expect(page.getByRole("heading", { name: /^Attempt 1:/ })).toBeVisible();
  // Every cell is reported with what the learner said and, where wrong, what the key says.
  await expect(page.getByText(/you said “states it”/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Retake" }).click();
  await expect(page.getByText(/Best: attempt 1, \d+%/)).toBeVisible();
  await expect(page.getByRole("table").first().getByRole("combobox").first()).toHaveValue("");
  await expect(page.getByRole("button", { name: "Submit exercise" })).toBeVisible();
});

test("a student compares three sources side by side and orders events with the keyboard", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto("/learn/september-2023/activities/september-2023-compare");
  const columns = page.getByRole("region", { name: "Sources to compare" }).getByRole("article");
  await expect(columns).toHaveCount(3);

  const order = page.getByRole("group", { name: /order/i }).filter({ has: page.getByRole("button", { name: /^Move later:/ }) }).first();
  const first = order.getByRole("listitem").first();
  const firstText = (await first.textContent())!.replace(/[↑↓⠿\d.]/g, "").trim();
  await order.getByRole("button", { name: /^Move later:/ }).first().focus();
  await page.keyboard.press("Enter");
  await expect(order.getByRole("listitem").nth(1)).toContainText(firstText);
  await expect(page.getByText(new RegExp(`moved to position 2 of`))).toBeAttached();
  await expect(page.getByRole("status").filter({ hasText: /saved/ })).toHaveText("All answers saved.");

  await page.reload();
  await expect(page.getByRole("group", { name: /order/i }).filter({ has: page.getByRole("button", { name: /^Move later:/ }) }).first().getByRole("listitem").nth(1)).toContainText(firstText);
  await expectNoAxeViolations(page);
});

test("another learner's attempt cannot be read or written through the API", async ({ page, browser }) => {
  await signUpNewStudent(page);
  await page.goto("/learn/september-2023/activities/september-2023-quiz");
  await page.getByRole("radio").first().check();
  await expect(page.getByRole("status").filter({ hasText: /saved/ })).toHaveText("All answers saved.");
  // The attempt id travels in the autosave URL; capture it from a fresh save.
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes("/api/attempts/") && r.method() === "PUT"),
    page.getByRole("radio").nth(1).check(),
  ]);
  const attemptUrl = new URL(request.url()).pathname.replace(/\/answers$/, "");

  const other = await browser.newContext();
  const intruder = await other.newPage();
  await signUpNewStudent(intruder);
  const save = await intruder.request.put(`${attemptUrl}/answers`, { data: { questionId: "x", value: {}, answeredAt: new Date().toISOString() } });
  expect(save.status()).toBe(404);
  const submit = await intruder.request.post(`${attemptUrl}/submit`, { data: { answers: [] } });
  expect(submit.status()).toBe(404);
  // A request from another site is refused before anything else, even with the owner's cookies.
  const crossSite = await page.request.post(`${attemptUrl}/submit`, { data: { answers: [] }, headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  const anonymous = await (await browser.newContext()).request.post(`http://127.0.0.1:${process.env.E2E_PORT ?? 3100}${attemptUrl}/submit`, { data: { answers: [] } });
  expect(anonymous.status()).toBe(401);
  await other.close();

  await page.reload();
  await expect(page.getByRole("button", { name: "Submit quiz" })).toBeVisible();
});

test("a written answer stops at 5,000 characters and says so, rather than cutting a long paste silently", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto("/learn/september-2023/activities/september-2023-compare");
  const box = page.getByRole("textbox", { name: /Which of the three articles would you use/ });
  await box.focus();
  await page.keyboard.insertText("word ".repeat(1100));
  expect((await box.inputValue()).length).toBe(5000);
  await expect(page.getByRole("status").filter({ hasText: "limit of 5,000 characters" })).toContainText("anything beyond it was not kept");
});
