import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, expectNoAxeViolations, signIn, signUpNewStudent, test } from "./fixtures";

const QUIZ_TITLE = "Quiz: three perspectives on September 2023";

const sections = (page: Page) => page.getByRole("navigation", { name: "Class sections" });

async function newStudent(browser: Browser, name: string) {
  const page = await (await browser.newContext()).newPage();
  await signUpNewStudent(page, name);
  return page;
}

async function joinClass(page: Page, code: string) {
  await page.goto("/learn");
  // Typed as a student would copy it from the board: lower case, with the dash.
  await page.getByLabel("Class code from your teacher").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You joined" })).toBeVisible();
}

test("an instructor runs a class: creates it, assigns a quiz, sees a student's result, extends a due date, downloads the gradebook", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const className = `History 10B ${tag}`;

  // The instructor creates the class and reads its join code.
  await signIn(page, DEMO.instructor);
  await page.getByRole("link", { name: "New class" }).click();
  await page.getByLabel("Class name").fill(className);
  await page.getByLabel("Term").fill("Autumn 2026");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/(?!new$)\w+$/);
  const classUrl = page.url();
  await expect(page.getByText(className)).toBeVisible();
  await expectNoAxeViolations(page);

  await sections(page).getByRole("link", { name: "Students and join code" }).click();
  const code = (await page.locator("strong", { hasText: /^[A-Z0-9]{3}-[A-Z0-9]{3}$/ }).textContent())!;
  await expectNoAxeViolations(page);

  // It assigns the module 3 quiz, feedback right away.
  await sections(page).getByRole("link", { name: "Assignments" }).click();
  await page.getByLabel("What to assign").selectOption({ label: QUIZ_TITLE });
  // Open since yesterday: the form's default opening (today 08:00) is still ahead when this runs before 08:00.
  await page.getByLabel("Opens").fill(`${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T08:00`);
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assigned." })).toBeVisible();
  await expect(page.getByRole("heading", { name: QUIZ_TITLE })).toBeVisible();
  await expectNoAxeViolations(page);

  // Two students join with the code; one of them takes the quiz from their assigned work.
  const ana = await newStudent(browser, `Petrosyan, Anahit ${tag}`);
  const bakhtiyar = await newStudent(browser, `Əliyev Bəxtiyar ${tag}`);
  await joinClass(ana, code);
  await joinClass(bakhtiyar, code);
  const assigned = ana.getByRole("region", { name: "Assigned work" });
  await expect(assigned.getByRole("link", { name: QUIZ_TITLE })).toBeVisible();
  await expect(assigned).toContainText("To do");
  await assigned.getByRole("link", { name: QUIZ_TITLE }).click();
  // The quiz says when its feedback comes, as the teacher chose it (right away here).
  await expect(ana.getByText("You see your score, the answer key and the explanations as soon as you submit.")).toBeVisible();
  // The first option of every single-choice group: a real, mostly wrong, set of answers.
  const groups = await ana.locator("input[type=radio]").evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const name of groups) await ana.locator(`input[type=radio][name="${name}"]`).first().check();
  await expect(ana.getByRole("status").filter({ hasText: /saved/ })).toHaveText("All answers saved.");
  await ana.getByRole("button", { name: "Submit quiz" }).click();
  await ana.getByRole("button", { name: "Submit anyway" }).click();
  const heading = ana.getByRole("heading", { name: /^Attempt 1: .* points \((\d+)%\)$/ });
  await expect(heading).toBeVisible();
  const percent = /\((\d+)%\)/.exec((await heading.textContent())!)![1]!;
  await ana.goto("/learn");
  await expect(ana.getByRole("region", { name: "Assigned work" })).toContainText("Done");

  // The instructor sees it in the grid: Ana done with her score, Bəxtiyar not started.
  await page.goto(classUrl);
  const anaRow = page.getByRole("row", { name: new RegExp(`Petrosyan, Anahit ${tag}`) });
  await expect(anaRow.getByRole("cell").first()).toContainText("Done");
  const anaScore = Number(/([\d.]+)%/.exec((await anaRow.getByRole("cell").first().textContent())!)![1]);
  expect(Math.abs(anaScore - Number(percent))).toBeLessThanOrEqual(0.5);
  const bRow = page.getByRole("row", { name: new RegExp(`Əliyev Bəxtiyar ${tag}`) });
  await expect(bRow.getByRole("cell").first()).toContainText("Not started");
  await expectNoAxeViolations(page);

  // Filtering to students with work not started leaves only Bəxtiyar.
  await page.getByLabel("Show").selectOption({ label: "With work not started" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("row", { name: new RegExp(`Petrosyan`) })).toHaveCount(0);
  await expect(bRow).toBeVisible();

  // Item analysis shows the quiz's questions with Ana's one answer counted.
  await sections(page).getByRole("link", { name: "Item analysis" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Item analysis");
  await expect(page.getByText(QUIZ_TITLE).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await sections(page).getByRole("link", { name: "Evidence heatmap" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Evidence heatmap");
  await expectNoAxeViolations(page);

  // An extension for Bəxtiyar alone.
  await page.goto(classUrl);
  await bRow.getByRole("link", { name: `Əliyev Bəxtiyar ${tag}`, exact: true }).click();
  await page.getByLabel(/^New due date for/).fill("2031-01-15T17:00");
  await page.getByRole("button", { name: "Save extension" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Extension saved." })).toBeVisible();
  await expect(page.getByText(/extended; the class is due/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(classUrl);
  await expect(bRow.getByRole("cell").first()).toContainText("extended");
  await expect(anaRow.getByRole("cell").first()).not.toContainText("extended");
  await bakhtiyar.goto("/learn");
  await expect(bakhtiyar.getByRole("region", { name: "Assigned work" })).toContainText("2031");

  // The gradebook opens in a spreadsheet: UTF-8 with a BOM, a row per student, names intact.
  const [download] = await Promise.all([page.waitForEvent("download"), sections(page).getByRole("link", { name: "Download gradebook (CSV)" }).click()]);
  const text = await readFile((await download.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = parse(text.slice(1));
  expect(rows[0]![0]).toBe("Student");
  expect(rows[0]!.some((h) => h.startsWith(QUIZ_TITLE))).toBe(true);
  const quizColumn = rows[0]!.findIndex((h) => h.startsWith(QUIZ_TITLE));
  const anaLine = rows.find((r) => r[0] === `Petrosyan, Anahit ${tag}`)!;
  expect(Math.abs(Number(anaLine[quizColumn]) - Number(percent))).toBeLessThanOrEqual(0.5);
  expect(rows.find((r) => r[0] === `Əliyev Bəxtiyar ${tag}`)![quizColumn]).toBe("");
});

test("after a refused assignment the instructor's choices stay selected, and what is assigned is what was chosen", async ({ browser }) => {
  // An instructor whose browser is in Baku, setting a deadline for a class in Berlin.
  const context = await browser.newContext({ timezoneId: "Asia/Baku" });
  const page = await context.newPage();
  await signIn(page, DEMO.instructor);
  await expect(page).toHaveURL(/\/teach$/);
  await page.goto("/teach/classes/new");
  await page.getByLabel("Class name").fill(`Selects ${Date.now().toString(36)}`);
  await page.getByLabel("Term").fill("Autumn 2026");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/(?!new$)\w+$/);
  await sections(page).getByRole("link", { name: "Assignments" }).click();

  const form = page.getByRole("region", { name: "Assign work" });
  const what = form.getByLabel("What to assign");
  const zone = form.getByLabel("Time zone of these dates");
  const feedback = form.getByLabel("Show feedback with the answer key");
  await expect(zone).toHaveValue("Asia/Baku");
  await what.selectOption({ label: QUIZ_TITLE });
  const quizValue = await what.inputValue();
  await zone.selectOption("Europe/Berlin");
  await feedback.selectOption("NEVER");
  const earlier = form.getByRole("checkbox", { name: "Count attempts a student made before this assignment was set" });
  await earlier.check();
  await form.getByLabel("Opens").fill("2026-12-10T09:00");
  await form.getByLabel("Due").fill("2026-12-01T09:00");
  await form.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(form.getByRole("alert")).toHaveText("The due date must come after the opening date.");
  await expect(what).toHaveValue(quizValue);
  await expect(zone).toHaveValue("Europe/Berlin");
  await expect(feedback).toHaveValue("NEVER");
  await expect(earlier).toBeChecked();

  await form.getByLabel("Due").fill("2026-12-17T09:00");
  await form.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assigned." })).toBeVisible();
  const quiz = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: QUIZ_TITLE }) });
  // 09:00 in Berlin in December is CET (GMT+1).
  await expect(quiz).toContainText("Opens Thu, 10 Dec 2026, 09:00 CET · due Thu, 17 Dec 2026, 09:00 CET · feedback never");
  await expect(quiz).toContainText("· earlier attempts count");
  // After a save the form starts again from the browser's zone and the defaults.
  await expect(zone).toHaveValue("Asia/Baku");
  await expect(feedback).toHaveValue("IMMEDIATE");
  await expect(earlier).not.toBeChecked();

  // A second assignment straight after, zone untouched: it is in the browser's zone, not UTC.
  await what.selectOption({ index: 0 });
  const moduleTitle = (await what.locator("option:checked").textContent())!.replace(/^Whole module: /, "");
  await form.getByLabel("Opens").fill("2026-12-10T09:00");
  await form.getByLabel("Due").fill("2026-12-17T09:00");
  await form.getByRole("button", { name: "Assign", exact: true }).click();
  const moduleItem = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Module: ${moduleTitle}` }) });
  await expect(moduleItem).toContainText("Opens Thu, 10 Dec 2026, 09:00 GMT+4");

  // Changing the quiz's dates: a refused change keeps the new zone and feedback too.
  await quiz.getByText("Change dates, feedback or which attempts count").click();
  const editZone = quiz.getByLabel("Time zone of these dates");
  const editFeedback = quiz.getByLabel("Show feedback with the answer key");
  await expect(editZone).toHaveValue("Europe/Berlin");
  await editZone.selectOption("America/New_York");
  await editFeedback.selectOption("AFTER_DUE");
  await quiz.getByLabel("Due").fill("2026-12-09T09:00");
  await quiz.getByRole("button", { name: "Save changes" }).click();
  await expect(quiz.getByText("The due date must come after the opening date.")).toBeVisible();
  await expect(editZone).toHaveValue("America/New_York");
  await expect(editFeedback).toHaveValue("AFTER_DUE");
  await quiz.getByLabel("Due").fill("2026-12-18T09:00");
  await quiz.getByRole("button", { name: "Save changes" }).click();
  await expect(quiz).toContainText("Opens Thu, 10 Dec 2026, 09:00 GMT-5 · due Fri, 18 Dec 2026, 09:00 GMT-5 · feedback after the due date");
  await expect(editZone).toHaveValue("America/New_York");
  await expect(editFeedback).toHaveValue("AFTER_DUE");
  await context.close();
});
