import type { ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page, Request } from "@playwright/test";
import pg from "pg";
import { freePort, startEmbeddedPostgres, type TDatabaseServer } from "../../../scripts/embedded-postgres";
import { ensureDatabase, migrateAndSeed } from "../../../scripts/with-db";
import { startAppProcess, waitForHealthy } from "../../support/app-process";
import { expect, signUpNewStudent, test } from "../fixtures";

/**
 * The database server itself is stopped (Postgres's fast shutdown: every session cut, transactions in
 * flight rolled back) and started again while learners are saving answers. The spec runs its own
 * Postgres on its own data folder and its own app process, so it disturbs no other test.
 * Issue 7: the app survives, saves fail fast with a clear message, the app recovers by itself, nothing
 * acknowledged is lost, and what was answered meanwhile is saved once the browser resends it.
 */
const APP_PORT = 3310;
const BASE = `http://127.0.0.1:${APP_PORT}`;
const QUIZ = "/learn/september-2023/activities/september-2023-quiz";
const LEARNERS = 4;
/** The functional deadline of the issue: a save during the outage is answered with an error within it. */
const FAIL_FAST_MS = 5_000;

type TSave = { questionId: string; value: unknown; answeredAt: string };
type TLearner = {
  index: number;
  context: BrowserContext;
  page: Page;
  email: string;
  attemptId: string;
  /** Every save the server acknowledged (2xx), as it was sent. */
  acknowledged: (TSave & { at: number })[];
  /** Every save refused with an error status, with how long the request took. */
  failed: { at: number; status: number; ms: number; body: string }[];
  /** What the learner last chose for each question, as the page shows it. */
  chosen: Record<string, unknown>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Checks a radio of a question by its position; returns the option's id, as the answer stores it. */
async function choose(page: Page, question: number, option: number) {
  const radio = page.getByRole("listitem", { name: new RegExp(`^Question ${question} of`) }).getByRole("radio").nth(option);
  await radio.check();
  return radio.inputValue();
}

/** Types a written answer and leaves the field (saved at once on blur). */
async function write(page: Page, question: number, text: string) {
  const box = page.getByRole("listitem", { name: new RegExp(`^Question ${question} of`) }).getByRole("textbox");
  await box.fill(text);
  await box.blur();
}

/**
 * One round of answering. Before the outage learners work on questions 7 and 9, during it on 8 and 9:
 * question 7's stored answer must then be exactly the last one acknowledged (or queued) before the
 * outage, and question 8's one given during it.
 */
async function answerRound(learner: TLearner, round: number, phase: "before" | "during" | "after") {
  const { page, index } = learner;
  if (phase === "before") learner.chosen.q7 = { selected: [await choose(page, 7, (round + index) % 4)] };
  if (phase === "during") learner.chosen.q8 = { selected: [await choose(page, 8, (round + index) % 4)] };
  const text = `Learner ${index + 1}, ${phase} the outage, round ${round}: the stance follows the quoted officials.`;
  await write(page, 9, text);
  learner.chosen.q9 = { text };
}

test("Postgres stopped and restarted while learners save: the app survives, fails fast, recovers by itself, and loses no answer", async ({ browser }) => {
  test.setTimeout(300_000);
  const parent = await mkdtemp(path.join(tmpdir(), "crosscheck-restart-"));
  await chmod(parent, 0o755); // Postgres runs as its own user when we are root, and must reach the folder.
  const dataDir = path.join(parent, "data");
  let database: TDatabaseServer | null = null;
  let app: ChildProcess | null = null;
  let appOutput = "";
  const contexts: BrowserContext[] = [];
  let phase: "before" | "during" | "stop" = "before";
  let answering: Promise<void>[] = [];
  try {
    // 1. Our own Postgres, migrated and seeded by the project's own scripts, and our own app process.
    const pgPort = await freePort();
    database = await startEmbeddedPostgres({ dataDir, port: pgPort });
    await ensureDatabase(database.url, "crosscheck");
    const databaseUrl = database.url("crosscheck");
    expect(await migrateAndSeed(databaseUrl), "migrate and seed").toBe(0);
    app = startAppProcess(APP_PORT, { env: { DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
    app.stdout!.on("data", (d) => (appOutput += d));
    app.stderr!.on("data", (d) => (appOutput += d));
    await waitForHealthy(BASE, { seconds: 120, app });
    const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    db.on("error", () => {}); // its idle connections are cut by the shutdown below, on purpose

    // 2. Four freshly signed-up learners on the same quiz; every save they send is watched.
    const learners: TLearner[] = [];
    for (let index = 0; index < LEARNERS; index++) {
      const context = await browser.newContext({ baseURL: BASE });
      contexts.push(context);
      const page = await context.newPage();
      const { email } = await signUpNewStudent(page, `Learner ${index + 1}`);
      await page.goto(QUIZ);
      await expect(page.getByRole("status").filter({ hasText: /saved|Saving|Not saved/ })).toHaveText("All answers saved.");
      const { rows } = await db.query(
        `SELECT a."id" FROM "Attempt" a JOIN "User" u ON u."id" = a."userId" WHERE u."email" = $1 AND a."status" = 'IN_PROGRESS'`,
        [email],
      );
      const learner: TLearner = { index, context, page, email, attemptId: rows[0].id, acknowledged: [], failed: [], chosen: {} };
      const isSave = (request: Request) => request.method() === "PUT" && request.url().endsWith("/answers");
      const sentAt = new WeakMap<Request, number>();
      page.on("request", (request) => isSave(request) && sentAt.set(request, Date.now()));
      page.on("response", async (response) => {
        const request = response.request();
        if (!isSave(request)) return;
        const at = Date.now();
        const sent = request.postDataJSON() as TSave;
        if (response.ok()) learner.acknowledged.push({ ...sent, at });
        else learner.failed.push({ at, status: response.status(), ms: at - sentAt.get(request)!, body: await response.text().catch(() => "") });
      });
      learners.push(learner);
    }
    const statusOf = (learner: TLearner) => learner.page.getByRole("status").filter({ hasText: /saved|Saving|kept on this device/ });

    // Learners answer continuously, each at their own pace, in the phase the test is in.
    const rounds = learners.map(() => ({ before: 0, during: 0 }));
    answering = learners.map(async (learner, i) => {
      for (let round = 0; phase !== "stop"; round++) {
        const now = phase;
        await answerRound(learner, round, now);
        rounds[i]![now]++;
        await sleep(150);
      }
    });
    const waitUntil = async (what: string, ok: () => boolean) => {
      for (let i = 0; !ok(); i++) {
        if (i > 600) throw new Error(`timed out waiting until ${what}`);
        await sleep(100);
      }
    };
    await waitUntil("every learner has saves acknowledged", () => learners.every((l) => l.acknowledged.length >= 4));

    // 3. A fast shutdown of the Postgres server process, while saves are in flight.
    const stoppedAt = Date.now();
    await database.stop();
    database = null;
    phase = "during";
    const outageBegan = Date.now();

    // The app process is still alive and answering; the health check says the database is down.
    expect(app.exitCode, appOutput).toBeNull();
    const health = await fetch(`${BASE}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, database: "down" });

    // A save fails fast, with an error status and a message that tells the learner what happened.
    const probe = learners[0]!;
    const probeStarted = Date.now();
    const refused = await probe.context.request.put(`/api/attempts/${probe.attemptId}/answers`, {
      headers: { origin: BASE, "content-type": "application/json" },
      // Dated long ago, so that it could never override a real answer even if it were saved.
      data: { questionId: "q8", value: { selected: ["a"] }, answeredAt: "2001-01-01T00:00:00.000Z" },
    });
    const probeMs = Date.now() - probeStarted;
    expect(refused.status()).toBe(503);
    expect(await refused.json()).toEqual({
      ok: false,
      code: "SERVER",
      error: expect.stringMatching(/database cannot be reached.*answers are kept/i),
    });
    expect(probeMs, "a save during the outage is refused within the deadline").toBeLessThan(FAIL_FAST_MS);

    // Learners keep answering; every page says its answers are kept on the device, not saved yet, and why.
    await waitUntil("every learner answered three times during the outage", () => rounds.every((r) => r.during >= 3));
    phase = "stop";
    await Promise.all(answering);
    for (const learner of learners) {
      await expect(statusOf(learner)).toContainText(/Not saved yet: .* kept on this device; retrying\./);
      await expect(learner.page.getByRole("main").getByRole("alert")).toHaveText(/database cannot be reached.*answers are kept/i);
    }
    expect(app.exitCode, appOutput).toBeNull();
    const outageFailures = learners.flatMap((l) => l.failed.filter((f) => f.at >= stoppedAt));
    expect(outageFailures.length).toBeGreaterThan(0);
    // Every save the browsers sent during the outage was answered with an error status, within the deadline.
    for (const failure of outageFailures) {
      expect(failure.status, failure.body).toBe(503);
      expect(failure.ms, "a save during the outage is refused within the deadline").toBeLessThan(FAIL_FAST_MS);
    }
    const outageMs = Date.now() - outageBegan;

    // 4. Postgres starts again on the same port and data; the app, not restarted, recovers by itself.
    database = await startEmbeddedPostgres({ dataDir, port: pgPort });
    const restartedAt = Date.now();
    for (const learner of learners) {
      await expect(statusOf(learner)).toHaveText("All answers saved.", { timeout: 30_000 });
      await expect(learner.page.getByRole("main").getByRole("alert")).toBeEmpty();
    }
    const recoveryMs = Date.now() - restartedAt;
    expect(await fetch(`${BASE}/api/health`).then((r) => r.json())).toEqual({ ok: true, database: "up" });
    // New saves work: one more answer each, acknowledged by the server.
    for (const learner of learners) {
      const before = learner.acknowledged.length;
      await answerRound(learner, 99, "after");
      await expect(statusOf(learner)).toHaveText("All answers saved.");
      await expect.poll(() => learner.acknowledged.length).toBeGreaterThan(before);
    }
    expect(app.exitCode, appOutput).toBeNull();

    // 5. In the database: every acknowledged save (or a later answer to its question), and exactly what
    // each learner last chose, including what was answered during the outage.
    await db.end();
    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    for (const learner of learners) {
      const { rows } = await check.query(`SELECT "questionId", "value", "answeredAt" FROM "Answer" WHERE "attemptId" = $1`, [learner.attemptId]);
      const stored = Object.fromEntries(rows.map((r) => [r.questionId as string, { value: r.value, answeredAt: new Date(r.answeredAt).getTime() }]));
      for (const ack of learner.acknowledged) {
        const row = stored[ack.questionId];
        expect(row, `learner ${learner.index + 1}: acknowledged ${ack.questionId} missing`).toBeDefined();
        const ackedAt = new Date(ack.answeredAt).getTime();
        expect(row!.answeredAt, `learner ${learner.index + 1}: acknowledged ${ack.questionId} lost`).toBeGreaterThanOrEqual(ackedAt);
        if (row!.answeredAt === ackedAt) expect(row!.value).toEqual(ack.value);
      }
      expect(Object.fromEntries(Object.entries(stored).map(([q, r]) => [q, r.value])), `learner ${learner.index + 1}`).toEqual(learner.chosen);
      // The reloaded page shows the same answers.
      await learner.page.reload();
      await expect(statusOf(learner)).toHaveText("All answers saved.");
      const q8 = (learner.chosen.q8 as { selected: string[] }).selected[0];
      await expect(learner.page.getByRole("listitem", { name: /^Question 8 of/ }).locator(`input[value="${q8}"]`)).toBeChecked();
    }
    await check.end();

    const acknowledgedBefore = learners.reduce((n, l) => n + l.acknowledged.filter((a) => a.at < stoppedAt).length, 0);
    const slowest = Math.max(...outageFailures.map((f) => f.ms));
    console.log(
      `database restart: ${acknowledgedBefore} saves acknowledged before the outage; outage ${outageMs} ms; ` +
        `probe save refused in ${probeMs} ms; ${outageFailures.length} browser saves refused during it, slowest ${Math.round(slowest)} ms; ` +
        `all pages saved ${recoveryMs} ms after Postgres was back`,
    );
  } finally {
    // 6. Clean up even on failure: browsers, the app, Postgres, and its data folder.
    phase = "stop";
    await Promise.allSettled(answering);
    for (const context of contexts) await context.close().catch(() => {});
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app!.once("exit", r));
      app.kill("SIGTERM");
      await Promise.race([exited, sleep(25_000)]);
    }
    await database?.stop().catch(() => {});
    await rm(parent, { recursive: true, force: true });
    await test.info().attach("app output", { body: appOutput, contentType: "text/plain" });
  }
});
