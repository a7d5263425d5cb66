import pg from "pg";
import { expect, signUpNewStudent, test } from "./fixtures";

const QUIZ = "/learn/september-2023/activities/september-2023-quiz";
/** Issue 15's body: an answer value nested 7,000 arrays deep, 14 KB. */
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

test("an answer nested 7,000 arrays deep is refused with a 400 and a plain message by save and submit, and the server keeps answering", async ({ page, context }) => {
  const { email } = await signUpNewStudent(page);
  await page.goto(QUIZ);
  await expect(page.getByText("All answers saved.")).toBeVisible();
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const { rows } = await db.query(
    `SELECT a."id" FROM "Attempt" a JOIN "Activity" t ON t."id" = a."activityId" JOIN "User" u ON u."id" = a."userId"
     WHERE u."email" = $1 AND t."slug" = 'september-2023-quiz' AND a."status" = 'IN_PROGRESS'`,
    [email],
  );
  await db.end();
  const attemptUrl = `/api/attempts/${rows[0].id}`;
  const origin = new URL(page.url()).origin;
  const headers = { origin, "content-type": "application/json" };
  const save = `{"questionId":"q7","value":${nested(7_000)},"seq":1,"answeredAt":"${new Date().toISOString()}"}`;
  const submit = `{"answers":[{"questionId":"q7","value":{"selected":${nested(7_000)}},"seq":1,"answeredAt":"${new Date().toISOString()}"}]}`;

  for (const [what, response] of [
    ["save", await context.request.put(`${attemptUrl}/answers`, { headers, data: save })],
    ["submit", await context.request.post(`${attemptUrl}/submit`, { headers, data: submit })],
  ] as const) {
    expect(response.status(), what).toBe(400);
    expect(await response.json(), what).toEqual({ ok: false, code: "INVALID", error: "That answer has more parts than any question takes, so it cannot be saved." });
  }

  // Four at once do not block the server: the health check answers meanwhile.
  const burst = Array.from({ length: 4 }, () => context.request.put(`${attemptUrl}/answers`, { headers, data: save }));
  const started = Date.now();
  expect((await context.request.get("/api/health")).status()).toBe(200);
  expect(Date.now() - started).toBeLessThan(2_000);
  for (const response of await Promise.all(burst)) expect(response.status()).toBe(400);

  // The attempt is untouched: still open, and a real answer saves.
  const ok = await context.request.put(`${attemptUrl}/answers`, { headers, data: { questionId: "q7", value: { selected: ["a"] }, seq: 2, answeredAt: new Date().toISOString() } });
  expect(ok.status()).toBe(200);
});
