import { DEMO, expect, signIn, test } from "./fixtures";

/*
 * A form posted with JavaScript off reaches its server action as a multipart POST without the
 * `next-action` header, whose body scripts/serve.ts reads and checks before Next does: signing up and
 * signing in still work, and a refusal still shows the form's message. (Forms built on ActionForm wrap
 * their action in a client function, so they need JavaScript.)
 */

test.use({ javaScriptEnabled: false });

test("without JavaScript, a visitor signs up and lands on their learning page", async ({ page }) => {
  const email = `nojs-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Noa Script-Free");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("a-long-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("banner").getByText("Noa Script-Free")).toBeVisible();
});

test("without JavaScript, a wrong password shows the form's message", async ({ page }) => {
  await signIn(page, DEMO.student, "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email, username or password.");
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.student);
});
