import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { freePort } from "../../../scripts/embedded-postgres";
import { ensureDatabase, migrateAndSeed } from "../../../scripts/with-db";
import { startAppProcess, waitForHealthy } from "../../support/app-process";
import { expect, signUpNewStudent, test } from "../fixtures";

/**
 * Issue 15: a slow database must not hang requests. A competing session locks the tables a save and a
 * lesson's progress write to, as a long transaction or a stuck migration would, while a learner works;
 * then it locks the answers against reading too. Requests must answer (503 with the usual message, the
 * page's own "try again"), not wait for the lock; the app must recover by itself once the lock is gone.
 * The spec has its own database and app process, so the locks disturb no other test. No timing
 * assertions: a hung request fails by timing out.
 */
const QUIZ = "/learn/september-2023/activities/september-2023-quiz";
const LESSON = "/learn/september-2023/from-blockade-to-exodus";
const MESSAGE = /database cannot be reached.*answers are kept/i;

test("a locked database: saves answer 503 with the message, the lesson's button and the quiz page say try again, and everything works once the lock is gone", async ({ browser }) => {
  test.setTimeout(240_000);
  const serverUrl = (database: string) => Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${database}` }).toString();
  const name = `crosscheck_slow_${Date.now().toString(36)}`;
  await ensureDatabase(serverUrl, name);
  expect(await migrateAndSeed(serverUrl(name)), "migrate and seed").toBe(0);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let app: ChildProcess | null = startAppProcess(port, { env: { DATABASE_URL: serverUrl(name) }, stdio: ["ignore", "ignore", "pipe"] });
  const lock = new pg.Client({ connectionString: serverUrl(name) });
  const context = await browser.newContext({ baseURL: base });
  try {
    await waitForHealthy(base, { seconds: 90, app });
    await lock.connect();
    const page = await context.newPage();
    const { email } = await signUpNewStudent(page);
    await page.goto(QUIZ);
    const status = page.getByRole("status").filter({ hasText: /saved|Saving|kept on this device/ });
    await expect(status).toHaveText("All answers saved.");
    const { rows } = await lock.query(`SELECT a."id" FROM "Attempt" a JOIN "User" u ON u."id" = a."userId" WHERE u."email" = $1 AND a."status" = 'IN_PROGRESS'`, [email]);
    const saveUrl = `/api/attempts/${rows[0].id}/answers`;
    const save = (questionId: string) =>
      context.request.put(saveUrl, {
        headers: { origin: base, "content-type": "application/json" },
        data: { questionId, value: { selected: ["a"] }, answeredAt: new Date().toISOString() },
        timeout: 30_000,
      });

    // The lock: every write of an answer or of lesson progress waits behind it.
    await lock.query("BEGIN");
    await lock.query(`LOCK TABLE "Answer", "LessonProgress" IN EXCLUSIVE MODE`);

    // More saves at once than the app's pool has connections: each is answered 503 with the message,
    // whether it waited on the lock (statement_timeout) or for a free connection.
    const responses = await Promise.all(Array.from({ length: 12 }, () => save("q7")));
    for (const response of responses) {
      expect(response.status()).toBe(503);
      expect(await response.json()).toEqual({ ok: false, code: "SERVER", error: expect.stringMatching(MESSAGE) });
    }
    // The learner answering in the page is told the answer is kept on the device, and why.
    await page.getByRole("listitem", { name: /^Question 7 of/ }).getByRole("radio").first().check();
    await expect(status).toContainText(/Not saved yet: .* kept on this device/, { timeout: 30_000 });
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(MESSAGE);

    // A server action behind the lock (marking a lesson complete) answers too: the button says try again.
    const lesson = await context.newPage();
    await lesson.goto(LESSON);
    await lesson.getByRole("button", { name: "Mark lesson complete" }).click();
    await expect(lesson.getByRole("status").filter({ hasText: /try again/ })).toHaveText(/Could not save.*try again/, { timeout: 30_000 });
    await expect(lesson.getByRole("button", { name: "Mark lesson complete" })).toHaveAttribute("aria-pressed", "false");

    // Now reading the answers waits too: a page that needs them (the quiz) answers 503 with the error page.
    await lock.query(`LOCK TABLE "Answer" IN ACCESS EXCLUSIVE MODE`);
    const quiz = await context.request.get(QUIZ, { timeout: 30_000 });
    expect(quiz.status()).toBe(503);
    expect(quiz.headers()["retry-after"]).toBe("5");
    const other = await context.newPage();
    await other.goto(QUIZ, { timeout: 30_000 });
    await expect(other.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    await expect(other.getByRole("main")).toContainText(/try again/i);

    // The lock ends: the page's queue saves the kept answer by itself; saves and the action work again.
    await lock.query("ROLLBACK");
    await expect(status).toHaveText("All answers saved.", { timeout: 30_000 });
    expect((await save("q8")).status()).toBe(200);
    await lesson.getByRole("button", { name: "Mark lesson complete" }).click();
    await expect(lesson.getByRole("status").filter({ hasText: /Lesson marked/ })).toHaveText("Lesson marked as complete.");
    expect(app.exitCode, "the app process is still running").toBeNull();
  } finally {
    await context.close();
    await lock.end().catch(() => {});
    app?.kill("SIGTERM");
    app = null;
  }
});
