import { existsSync } from "node:fs";
import pg from "pg";
import { startAppProcess, waitForHealthy } from "../../support/app-process";
import { NGINX, startNginx } from "../../support/nginx";
import { expect, signUpNewStudent, test } from "../fixtures";

/**
 * Two app processes on different ports behind nginx (Debian's package), sharing one Postgres: what a
 * school's deployment with two nodes looks like (docs/deploy.md). Runs after the other tests, alone.
 */
const FRONT = 3200;
const NODES = [3201, 3202];
const url = (port: number) => `http://127.0.0.1:${port}`;

test("two app processes behind nginx share sign-in, rate limits, server actions and saved answers", async ({ browser }) => {
  test.setTimeout(180_000);
  // Like Chromium, nginx is a prerequisite of the suite, not optional: its absence is a failure, said plainly.
  expect(existsSync(NGINX), `${NGINX} is missing: apt-get install nginx (npm test installs it when run as root)`).toBe(true);
  const nodes = NODES.map((port) => startAppProcess(port, { env: { TRUSTED_PROXY_HOPS: "1" } }));
  const nginx = startNginx(FRONT, NODES);
  try {
    await Promise.all([...NODES.map((p) => waitForHealthy(url(p))), waitForHealthy(url(FRONT))]);

    // Sign up and sign in through nginx: the server actions land on either node, round robin.
    const context = await browser.newContext({ baseURL: url(FRONT) });
    const page = await context.newPage();
    const { email, password } = await signUpNewStudent(page, "Nodira Two-Nodes");

    // Signed in through one node is signed in through the other (cookies do not depend on the port).
    for (const port of NODES) {
      const me = await context.request.get(`${url(port)}/api/me`);
      expect(me.status(), `node ${port}`).toBe(200);
      expect((await me.json()).user.name).toBe("Nodira Two-Nodes");
    }

    // Answers saved through each node directly, and through nginx, are all there.
    await page.goto("/learn/september-2023/activities/september-2023-quiz");
    await expect(page.getByText("All answers saved.")).toBeVisible();
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const { rows } = await db.query(
      `SELECT a."id" FROM "Attempt" a JOIN "User" u ON u."id" = a."userId" WHERE u."email" = $1 AND a."status" = 'IN_PROGRESS'`,
      [email],
    );
    const attemptId = rows[0].id as string;
    const saves = [
      [url(NODES[0]!), "q7", { selected: ["a"] }],
      [url(NODES[1]!), "q8", { selected: ["b"] }],
      [url(FRONT), "q1", { axes: { genre: "brief-analysis", stance: "reporting", "source-kind": "research-centre" } }],
    ] as const;
    for (const [base, questionId, value] of saves) {
      const r = await context.request.put(`${base}/api/attempts/${attemptId}/answers`, {
        headers: { origin: base, "content-type": "application/json" },
        data: { questionId, value, answeredAt: new Date().toISOString() },
      });
      expect(r.status(), `${base} ${questionId}: ${await r.text()}`).toBe(200);
    }
    const saved = await db.query(`SELECT "questionId" FROM "Answer" WHERE "attemptId" = $1 ORDER BY 1`, [attemptId]);
    expect(saved.rows.map((r) => r.questionId)).toEqual(expect.arrayContaining(["q1", "q7", "q8"]));
    await db.end();

    // Wrong passwords spread over both nodes add up in the shared limiter: the sixth is refused.
    const attacker = await (await browser.newContext({ baseURL: url(FRONT) })).newPage();
    const alert = attacker.getByRole("main").getByRole("alert");
    for (let i = 1; i <= 6; i++) {
      await attacker.goto("/login");
      await attacker.getByLabel("Email or username").fill(email);
      await attacker.getByLabel("Password").fill(i === 6 ? password : `wrong-password-${i}`);
      await attacker.getByRole("button", { name: "Sign in" }).click();
      await expect(alert).toHaveText(i === 6 ? /Too many attempts/ : "Wrong email, username or password.");
    }
    await context.close();
  } finally {
    nginx.kill("SIGTERM");
    for (const node of nodes) node.kill("SIGTERM");
  }
});
