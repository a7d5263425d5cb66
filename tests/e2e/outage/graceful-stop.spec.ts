import pg from "pg";
import { startAppProcess, waitForHealthy } from "../../support/app-process";
import { expect, signUpNewStudent, test } from "../fixtures";

const PORT = 3199;
const BASE = `http://127.0.0.1:${PORT}`;

test("SIGTERM while learners are saving: requests in flight finish, the process exits cleanly, and every acknowledged answer is in the database", async ({ browser }) => {
  test.setTimeout(120_000);
  // A second app process of our own, on the same database, so stopping it disturbs no other test.
  const server = startAppProcess(PORT, { stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  await waitForHealthy(BASE);

  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  const { email } = await signUpNewStudent(page);
  await page.goto("/learn/september-2023/activities/september-2023-quiz");
  await expect(page.getByText("All answers saved.")).toBeVisible();

  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const { rows } = await db.query(
    `SELECT a."id" FROM "Attempt" a JOIN "User" u ON u."id" = a."userId" JOIN "Activity" t ON t."id" = a."activityId"
     WHERE u."email" = $1 AND t."slug" = 'september-2023-quiz' AND a."status" = 'IN_PROGRESS'`,
    [email],
  );
  const attemptId = rows[0].id as string;

  // Forty saves of the same answer, each numbered one past the last (as a tab numbers them), then SIGTERM
  // while they are running. A save that arrives after a higher-numbered one is refused (409), not kept.
  const saves = Array.from({ length: 40 }, (_, i) => {
    const seq = i + 1;
    return context.request
      .put(`/api/attempts/${attemptId}/answers`, {
        headers: { origin: BASE, "content-type": "application/json" },
        data: { questionId: "q7", value: { selected: [["a", "b", "c", "d"][i % 4]] }, seq, answeredAt: new Date().toISOString() },
      })
      .then((r) => ({ ok: r.ok(), seq }), () => ({ ok: false, seq }));
  });
  // Stop as soon as the first save is acknowledged: the others are still queued or running.
  await Promise.race(saves);
  server.kill("SIGTERM");
  const results = await Promise.all(saves);
  expect(await exited, output).toBe(0);
  expect(output).toMatch(/SIGTERM: no new connections; finishing \d+ request\(s\) in flight/);

  const acknowledged = results.filter((r) => r.ok);
  expect(acknowledged.length).toBeGreaterThan(0);
  const latestAcknowledged = Math.max(...acknowledged.map((r) => r.seq));
  const saved = await db.query(`SELECT "seq" FROM "Answer" WHERE "attemptId" = $1 AND "questionId" = 'q7'`, [attemptId]);
  // The stored answer is the latest acknowledged one, or one the learner gave later.
  expect(saved.rows[0].seq).toBeGreaterThanOrEqual(latestAcknowledged);
  await db.end();
  await context.close();
});
