import pg from "pg";
import type { Page } from "@playwright/test";
import { DEMO, expect, expectNoAxeViolations, signIn, signUpNewStudent, test } from "./fixtures";

const QUIZ_TITLE = "Quiz: three perspectives on September 2023";
const AFTER_KEY = "Let a retake started after the student saw the answer key replace an earlier score";
const sections = (page: Page) => page.getByRole("navigation", { name: "Class sections" });

/**
 * Issue 15: a student hands in 20% on time, reads the key once it is released after the due date, and
 * retakes for 100%. The attempts are placed in time in the database (a test cannot wait for a due date).
 */
test("an instructor decides whether a retake after the answer key counts, and the grid cell follows", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const tag = Date.now().toString(36);
  const studentName = `Mammadova, Aysel ${tag}`;

  await signIn(page, DEMO.instructor);
  await page.getByRole("link", { name: "New class" }).click();
  await page.getByLabel("Class name").fill(`Retakes ${tag}`);
  await page.getByLabel("Term").fill("Autumn 2026");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/(?!new$)\w+$/);
  const classUrl = page.url();
  const classId = classUrl.split("/").at(-1)!;
  await sections(page).getByRole("link", { name: "Students and join code" }).click();
  const code = (await page.locator("strong", { hasText: /^[A-Z0-9]{3}-[A-Z0-9]{3}$/ }).textContent())!;
  await sections(page).getByRole("link", { name: "Assignments" }).click();
  await page.getByLabel("What to assign").selectOption({ label: QUIZ_TITLE });
  await page.getByLabel("Show feedback with the answer key").selectOption("AFTER_DUE");
  await expect(page.getByRole("checkbox", { name: AFTER_KEY })).not.toBeChecked();
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assigned." })).toBeVisible();

  const student = await (await browser.newContext()).newPage();
  const { email } = await signUpNewStudent(student, studentName);
  await student.getByLabel("Class code from your teacher").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You joined" })).toBeVisible();

  // Assigned ten days ago, due two days ago; 20% five days ago, 100% yesterday (after the key was released).
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `UPDATE "Assignment" SET "createdAt" = now() - interval '10 days', "opensAt" = now() - interval '10 days', "dueAt" = now() - interval '2 days' WHERE "classId" = $1`,
      [classId],
    );
    for (const [number, daysAgo, score] of [[1, 5, 20], [2, 1, 100]] as const) {
      await db.query(
        `INSERT INTO "Attempt" ("id", "userId", "activityId", "number", "status", "openSlot", "score", "maxScore", "startedAt", "updatedAt", "submittedAt")
         SELECT $1, u."id", a."id", $2, 'SUBMITTED', NULL, $3, 100, now() - make_interval(days => $4) - interval '30 minutes', now(), now() - make_interval(days => $4)
         FROM "User" u, "Activity" a WHERE u."email" = $5 AND a."slug" = 'september-2023-quiz'`,
        [`e2e-retake-${tag}-${number}`, number, score, daysAgo, email],
      );
    }
  } finally {
    await db.end();
  }

  // By default the retake after the key does not replace the on-time 20%.
  await page.goto(classUrl);
  const cell = page.getByRole("row", { name: new RegExp(studentName) }).getByRole("cell").first();
  await expect(cell).toContainText("Done");
  await expect(cell).toContainText("20%");
  await expect(cell).toContainText("1 attempt not counted");
  await expect(cell).not.toContainText("late");
  const note = page.getByRole("region", { name: "Which attempts count" });
  await expect(note).toContainText("Retakes after the answer key count for no assignment.");
  await expectNoAxeViolations(page);

  // The instructor allows it for this assignment: the 100% counts, marked late, with the 20% on time beside it.
  await sections(page).getByRole("link", { name: "Assignments" }).click();
  const quiz = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: QUIZ_TITLE }) });
  await quiz.getByText("Change dates, feedback or which attempts count").click();
  await quiz.getByRole("checkbox", { name: AFTER_KEY }).check();
  await quiz.getByRole("button", { name: "Save changes" }).click();
  await expect(quiz).toContainText("retakes after the key count");
  await expect(quiz.getByRole("checkbox", { name: AFTER_KEY })).toBeChecked();

  await page.goto(classUrl);
  await expect(cell).toContainText("100%");
  await expect(cell).toContainText("late");
  await expect(cell).toContainText("on time: 20%");
  await expect(cell).not.toContainText("not counted");
  await expect(note).toContainText(`Retakes after the answer key count for: ${QUIZ_TITLE}.`);

  // A score override is a plain number: "0x10" (which JavaScript reads as 16) is refused on the field.
  await page.getByRole("row", { name: new RegExp(studentName) }).getByRole("link", { name: studentName, exact: true }).click();
  await page.getByLabel(/^Score you give/).fill("0x10");
  await page.getByRole("button", { name: "Save comment and score" }).click();
  await expect(page.getByText("Give a score from 0 to 100 as a plain number (like 85 or 92.5), or leave it empty.")).toBeVisible();
  await expect(page.getByLabel(/^Score you give/)).toHaveValue("0x10");
});
