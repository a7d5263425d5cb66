import { DEMO, expect, signIn, test } from "./fixtures";

test("an instructor's form sent while offline says so, keeps what was typed, and works once back online", async ({ page, context }) => {
  await signIn(page, DEMO.instructor);
  await expect(page).toHaveURL(/\/teach$/);
  await page.goto("/teach/classes/new");
  const name = `Offline 9C ${Date.now().toString(36)}`;
  await page.getByLabel("Class name").fill(name);
  await page.getByLabel("Term").fill("Spring 2027");

  await context.setOffline(true);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "was not saved" })).toContainText("what you typed is still here");
  await expect(page.getByLabel("Class name")).toHaveValue(name);
  await expect(page.getByLabel("Term")).toHaveValue("Spring 2027");

  await context.setOffline(false);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/(?!new$)\w+$/);
  await expect(page.getByText(name)).toBeVisible();
});
