import { devices } from "@playwright/test";
import { expect, signUpNewStudent, test } from "./fixtures";

const QUIZ = "/learn/war-2020/activities/war-2020-quiz";

test("highlighting works by mouse drag and click, and each change is announced to screen readers", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto(QUIZ);
  const text = page.getByRole("listbox").first();
  const options = text.getByRole("option");

  // A click highlights one sentence and says so.
  await options.nth(0).click();
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText(/^Highlighted: .* 1 passage highlighted\.$/)).toBeAttached();

  // Dragging the mouse across several sentences highlights all of them.
  const from = await options.nth(2).boundingBox();
  const to = await options.nth(4).boundingBox();
  await page.mouse.move(from!.x + 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(to!.x + to!.width - 2, to!.y + to!.height / 2, { steps: 8 });
  await page.mouse.up();
  for (const i of [2, 3, 4]) await expect(options.nth(i)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText(/^Highlighted [3-9] sentences\. \d passages highlighted\.$/)).toBeAttached();

  // A second click removes a highlight; "Clear highlights" removes them all.
  await options.nth(0).click();
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "false");
  await page.getByRole("button", { name: "Clear highlights" }).first().click();
  await expect(text.getByRole("option", { selected: true })).toHaveCount(0);
  await expect(page.getByText("All highlights removed. 0 passages highlighted.")).toBeAttached();
});

test.describe("on a phone", () => {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices["Pixel 7"];
  test.use({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });

  test("a tap highlights a sentence, and the highlight is saved", async ({ page }) => {
    await signUpNewStudent(page);
    await page.goto(QUIZ);
    const options = page.getByRole("listbox").first().getByRole("option");
    await options.nth(1).tap();
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("status").filter({ hasText: /saved/ })).toHaveText("All answers saved.");
    await page.reload();
    await expect(page.getByRole("listbox").first().getByRole("option").nth(1)).toHaveAttribute("aria-selected", "true");
  });
});
