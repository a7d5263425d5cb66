import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, joinClassShowingFeedback, signUpNewStudent, test } from "./fixtures";

const QUIZ = "/learn/september-2023/activities/september-2023-quiz";

type TFocus = { tag: string; role: string | null; type: string | null; text: string; disabled: boolean };
const focused = (page: Page) =>
  page.evaluate<TFocus>(() => {
    const el = document.activeElement as HTMLElement;
    return { tag: el.tagName, role: el.getAttribute("role"), type: el.getAttribute("type"), text: el.textContent?.trim().slice(0, 40) ?? "", disabled: (el as HTMLButtonElement).disabled };
  });

/**
 * Answers the whole quiz with the keyboard alone: Tab from control to control; Space picks the first
 * option of each radio group; in an article's text, arrow keys move and Space highlights sentences;
 * written answers are typed. Stops on the submit button.
 */
async function answerQuizByKeyboard(page: Page) {
  await page.getByRole("heading", { level: 1 }).click(); // start tabbing from the top of the page
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (f.tag === "BUTTON" && f.text.startsWith("Submit")) return;
    if (f.tag === "INPUT" && (f.type === "radio" || f.type === "checkbox")) await page.keyboard.press("Space");
    if (f.role === "listbox") {
      for (const key of ["ArrowDown", "Space", "ArrowDown", "ArrowDown", "Space"]) await page.keyboard.press(key);
    }
    if (f.tag === "TEXTAREA") await page.keyboard.type("The SCEEUS comment reports both capitals' statements and names its sources.");
  }
  throw new Error("Never reached the submit button by Tab");
}

test("a student completes the module 3 quiz by keyboard alone, sees the feedback, and sees the same result after reloading", async ({ page }) => {
  // NOTE: some 300 key presses and two axe runs take close to the default minute on a busy machine.
  test.slow();
  const { email } = await signUpNewStudent(page);
  await joinClassShowingFeedback(email, "september-2023-quiz");
  await page.goto(QUIZ);
  await expect(page.getByRole("heading", { level: 1, name: /Quiz: three perspectives/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await answerQuizByKeyboard(page);
  const listbox = page.getByRole("listbox").first();
  await expect(listbox.getByRole("option", { selected: true })).toHaveCount(2);
  await expect(page.getByRole("status").filter({ hasText: /saved/ })).toHaveText("All answers saved.");
  await page.keyboard.press("Enter");
  // Every question was answered above, so no "not answered yet" step comes in between.
  await expect(page.getByRole("button", { name: "Submit anyway" })).toHaveCount(0);

  const result = page.getByRole("heading", { name: /^Attempt 1: .* points \(\d+%\)$/ });
  await expect(result).toBeVisible();
  // The submit button is gone with the form: focus moves to the score, so it is read out, not to <body>.
  await expect(result).toBeFocused();
  const score = await result.textContent();
  // Feedback names the learner's choices and shows the key with the passages it cites.
  await expect(page.getByText(/You found \d of \d key passages/).first()).toBeVisible();
  await expect(page.getByText("The passages behind the key:").first()).toBeVisible();
  await expect(page.getByText(/How this is scored: A key passage counts as found/).first()).toBeVisible();
  await expect(page.getByText(/Your answer \(\d+ words\), for your instructor/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByRole("heading", { name: /^Attempt 1:/ })).toHaveText(score!);
  await expect(page.getByRole("button", { name: "Retake" })).toBeVisible();
  // A plain page load leaves the focus where the browser puts it.
  await expect(page.getByRole("heading", { name: /^Attempt 1:/ })).not.toBeFocused();
});

test("by keyboard, focus follows the learner: to the score after submitting anyway, to the first question after Retake", async ({ page }) => {
  const { email } = await signUpNewStudent(page);
  await joinClassShowingFeedback(email, "september-2023-quiz");
  await page.goto(QUIZ);
  await expect(page.getByRole("heading", { level: 1, name: /Quiz: three perspectives/ })).toBeVisible();

  // Nothing answered: the first Enter asks ("Submit anyway", focus stays on it), the second submits.
  await page.getByRole("button", { name: "Submit quiz" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Submit anyway" })).toBeFocused();
  await page.keyboard.press("Enter");
  const first = page.getByRole("heading", { name: /^Attempt 1: .* points/ });
  await expect(first).toBeFocused();

  // Tab from the score reaches Retake; the new attempt opens with focus on its first question.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Retake" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^Question 1 of \d+$/ })).toBeFocused();

  await page.getByRole("button", { name: "Submit quiz" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^Attempt 2: .* points/ })).toBeFocused();
});

test("the quiz page sends no answer key before submission", async ({ page }) => {
  await signUpNewStudent(page);
  const response = await page.goto(QUIZ);
  const html = (await response?.text()) ?? "";
  // Phrases that exist only in the key's explanations of this quiz.
  expect(html).not.toContain("The passages behind the key");
  expect(html).not.toMatch(/"explanation"|"passages"|"cites"|"answer":/);
});

test("an answer given offline is kept, shown as not yet saved, and saved when the network returns", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto(QUIZ);
  const status = page.getByRole("status").filter({ hasText: /saved|offline|Saving/i });
  await expect(status).toHaveText("All answers saved.");

  await page.context().setOffline(true);
  const firstGenreOption = page.getByRole("radio").first();
  await firstGenreOption.check();
  await expect(status).toContainText("You are offline. 1 answer kept on this device");

  await page.context().setOffline(false);
  await expect(status).toHaveText("All answers saved.");
  await page.reload();
  await expect(page.getByRole("radio").first()).toBeChecked();
});

test("answers autosave and are there again in a second tab", async ({ page, context }) => {
  await signUpNewStudent(page);
  await page.goto(QUIZ);
  await page.getByRole("radio").first().check();
  await expect(page.getByRole("status").filter({ hasText: /saved/ })).toHaveText("All answers saved.");

  const second = await context.newPage();
  await second.goto(QUIZ);
  await expect(second.getByRole("radio").first()).toBeChecked();
});

test("signing out with an unsaved answer asks first, and keeps the answer when the learner stays", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto(QUIZ);
  const status = page.getByRole("status").filter({ hasText: /saved|offline|Saving/i });
  await page.context().setOffline(true);
  await page.getByRole("radio").first().check();
  await expect(status).toContainText("You are offline");

  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect.poll(() => asked).toContain("1 answer could not be saved");
  await expect(page).toHaveURL(/activities\/september-2023-quiz/);

  await page.context().setOffline(false);
  await expect(status).toHaveText("All answers saved.");
  await page.reload();
  await expect(page.getByRole("radio").first()).toBeChecked();
});

test("a quiz left half done shows as in progress on the course page, with how many questions are answered", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto("/learn");
  await expect(page.getByRole("main")).toContainText("Quiz: three perspectives on September 2023: not yet taken");
  await page.goto(QUIZ);
  const groups = await page.locator("input[type=radio]").evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const name of groups.slice(0, 2)) await page.locator(`input[type=radio][name="${name}"]`).first().check();
  await expect(page.getByRole("status").filter({ hasText: /saved/ })).toHaveText("All answers saved.");
  const answered = (await page.getByText(/^\d+ of \d+ answered$/).textContent())!;
  expect(answered).toMatch(/^[12] of 9 answered$/);

  await page.goto("/learn");
  await expect(page.getByRole("main")).toContainText(`Quiz: three perspectives on September 2023: in progress (${answered})`);
});
