import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Page } from "@playwright/test";
import { expect, signUpNewStudent, test } from "./fixtures";

/**
 * A learner's score and the answer key reach them only where their teacher's feedback policy allows, on
 * every page and JSON route (issue 15, items 2 and 7). Each test has its own copy of the warm-up practice
 * in a module of its own, and a class of its own, so its assignment (which by the self-study rule reaches
 * every learner) never touches another test.
 */

type TPolicy = "IMMEDIATE" | "AFTER_DUE" | "NEVER";
const DAY = 86_400_000;
// Only the first question answered, and right: 1 of 5 points, a score no other page shows by chance.
const RIGHT_ANSWER = "It adopts the Azerbaijani framing of the 2020 war as the end of an occupation.";
const POOR = "20%";
const OVERRIDE = "88%";
// Words of the first question's explanation and of the results: only the key has them.
const KEY_TEXTS = ["Kuzio uses these words in his own voice", "The passages behind the key", "1 of 5 points"];
const SELF_STUDY_NOTE = "A class is working on this activity now; scores and the answer key are shown once it is done.";

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return (await db.query<T>(text, values)).rows;
  } finally {
    await db.end();
  }
}

/** A published module with one exercise copied from the warm-up practice, and a class that has it set. */
async function createWorld(feedback: TPolicy, dueInDays: number) {
  const tag = randomBytes(4).toString("hex");
  const world = { tag, moduleSlug: `withheld-${tag}`, moduleTitle: `Withheld feedback ${tag}`, slug: `withheld-${tag}-practice`, title: `Practice ${tag}` };
  await sql(
    `INSERT INTO "Module" ("id", "slug", "order", "title", "summary", "timeline", "keyTerms", "updatedAt")
     VALUES ($1, $2, 900, $3, 'A module of the withheld-feedback test.', '[]', '[]', now())`,
    [`m-${tag}`, world.moduleSlug, world.moduleTitle],
  );
  await sql(
    `INSERT INTO "Activity" ("id", "slug", "moduleId", "order", "kind", "title", "definition", "publicDefinition", "updatedAt")
     SELECT $1, $2, $3, 1, "kind", $4, jsonb_set("definition", '{slug}', to_jsonb($2::text)), jsonb_set("publicDefinition", '{slug}', to_jsonb($2::text)), now()
     FROM "Activity" WHERE "slug" = 'reading-sources-practice'`,
    [`a-${tag}`, world.slug, `m-${tag}`, world.title],
  );
  await sql(
    `INSERT INTO "ActivityVersion" ("activityId", "version", "title", "definition", "publicDefinition", "createdByName", "note")
     SELECT "id", 1, "title", "definition", "publicDefinition", 'test', 'test copy' FROM "Activity" WHERE "id" = $1`,
    [`a-${tag}`],
  );
  await sql(`INSERT INTO "Class" ("id", "name", "term", "updatedAt") VALUES ($1, $2, 'Autumn 2026', now())`, [`c-${tag}`, `Class ${tag}`]);
  const due = Date.now() + dueInDays * DAY;
  await sql(
    `INSERT INTO "Assignment" ("id", "classId", "activityId", "opensAt", "dueAt", "timeZone", "feedback")
     VALUES ($1, $2, $3, $4, $5, 'UTC', $6::"FeedbackPolicy")`,
    [`as-${tag}`, `c-${tag}`, `a-${tag}`, new Date(Math.min(due, Date.now()) - 3 * DAY), new Date(due), feedback],
  );
  return world;
}

type TWorld = Awaited<ReturnType<typeof createWorld>>;

async function joinAndGrade(world: TWorld, email: string) {
  const [user] = await sql<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [email]);
  const id = user!.id;
  await sql(`INSERT INTO "ClassMember" ("classId", "userId") VALUES ($1, $2)`, [`c-${world.tag}`, id]);
  // The teacher's own mark for the item: a score too, under the same policy.
  await sql(`INSERT INTO "AssignmentGrade" ("assignmentId", "userId", "overrideScore", "updatedAt") VALUES ($1, $2, 88, now())`, [`as-${world.tag}`, id]);
}

/** Takes the exercise poorly in the browser; returns the submit route's JSON and the attempt's id. */
async function submitPoorly(page: Page, world: TWorld) {
  await page.goto(`/learn/${world.moduleSlug}/activities/${world.slug}`);
  await page.getByLabel(RIGHT_ANSWER).check();
  await expect(page.getByRole("status").filter({ hasText: /saved/ })).toHaveText("All answers saved.");
  await page.getByRole("button", { name: "Submit exercise" }).click();
  const response = page.waitForResponse((r) => r.url().includes("/submit") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Submit anyway" }).click();
  const submitted = await response;
  const attemptId = /\/api\/attempts\/([^/]+)\/submit/.exec(submitted.url())![1]!;
  await expect(page.getByRole("heading", { name: /^Attempt 1/ })).toBeVisible();
  return { body: JSON.stringify(await submitted.json()), attemptId };
}

/** Every learner-facing page and JSON route that could carry this exercise's score, mark or key: their text. */
async function walk(page: Page, world: TWorld, attemptId: string) {
  const main = async (path: string) => {
    await page.goto(path);
    return page.getByRole("main");
  };
  const activity = await main(`/learn/${world.moduleSlug}/activities/${world.slug}`);
  const texts = {} as Record<"activity" | "review" | "module" | "overview" | "mastery" | "assigned" | "submitAgain" | "save" | "me", string>;
  texts.activity = await activity.innerText();
  texts.review = await (await main(`/learn/${world.moduleSlug}/activities/${world.slug}?attempt=1`)).innerText();
  texts.module = await (await main(`/learn/${world.moduleSlug}`)).innerText();
  const learn = await main("/learn");
  texts.overview = await learn.getByRole("listitem").filter({ has: page.getByRole("heading", { name: world.moduleTitle }) }).innerText();
  texts.mastery = await learn.getByRole("region", { name: "Your skills" }).innerText();
  texts.assigned = (await learn.getByRole("region", { name: "Assigned work" }).count()) ? await learn.getByRole("region", { name: "Assigned work" }).innerText() : "";
  // The JSON routes, with the page's own cookies: submitting again (idempotent) and a save to the closed attempt.
  const origin = new URL(page.url()).origin;
  const headers = { origin, "content-type": "application/json" };
  texts.submitAgain = await (await page.request.post(`/api/attempts/${attemptId}/submit`, { headers, data: { answers: [] } })).text();
  texts.save = await (await page.request.put(`/api/attempts/${attemptId}/answers`, { headers, data: { questionId: "q1", value: { selected: ["a"] }, answeredAt: new Date().toISOString() } })).text();
  texts.me = await (await page.request.get("/api/me")).text();
  return texts;
}

const percents = (text: string) => text.match(/\d+(\.\d+)?%/g) ?? [];

function expectWithheld(texts: Awaited<ReturnType<typeof walk>>, submitResponse: string) {
  expect(JSON.parse(submitResponse), "the submit response").toEqual({ ok: true, data: { submitted: true } });
  for (const [where, text] of Object.entries(texts)) {
    expect(percents(text), `${where}: no percentage`).toEqual([]);
    for (const key of KEY_TEXTS) expect(text, `${where}: no key`).not.toContain(key);
    expect(text, `${where}: no score field`).not.toMatch(/"(score|maxScore|result)"/);
  }
  expect(texts.module).toContain("submitted, score not shown yet");
  expect(texts.overview).toContain("submitted, score not shown yet");
}

for (const c of [
  { name: "immediately", feedback: "IMMEDIATE" as const, due: 7, shown: true },
  { name: "after the due date, before it", feedback: "AFTER_DUE" as const, due: 7, shown: false },
  { name: "after the due date, once it has passed", feedback: "AFTER_DUE" as const, due: -1, shown: true },
  { name: "never", feedback: "NEVER" as const, due: 7, shown: false },
]) {
  test(`feedback ${c.name}: a class member's score, mark and key ${c.shown ? "appear" : "appear nowhere"} on every page and JSON route`, async ({ page }) => {
    const world = await createWorld(c.feedback, c.due);
    const { email } = await signUpNewStudent(page);
    await joinAndGrade(world, email);
    const { body, attemptId } = await submitPoorly(page, world);
    const texts = await walk(page, world, attemptId);
    if (!c.shown) {
      expectWithheld(texts, body);
      expect(texts.assigned).toContain("score not released yet");
      return;
    }
    expect(JSON.parse(body).data).toMatchObject({ submitted: true, score: 1, maxScore: 5 });
    expect(JSON.parse(texts.submitAgain).data).toMatchObject({ score: 1, maxScore: 5 });
    for (const text of [texts.activity, texts.review]) {
      expect(text).toContain(`Attempt 1: 1 of 5 points (${POOR})`);
      for (const key of KEY_TEXTS) expect(text).toContain(key);
    }
    expect(texts.module).toContain(`best ${POOR}`);
    expect(texts.overview).toContain(`best ${POOR}`);
    expect(percents(texts.mastery).length).toBeGreaterThan(0);
    expect(texts.assigned).toContain(OVERRIDE);
  });
}

test("a second account outside the class sees no score or key while a class has the exercise set with 'never', and is told why", async ({ page }) => {
  const world = await createWorld("NEVER", -1);
  await signUpNewStudent(page, "Second Account");
  const { body, attemptId } = await submitPoorly(page, world);
  const texts = await walk(page, world, attemptId);
  expectWithheld(texts, body);
  expect(texts.activity).toContain(SELF_STUDY_NOTE);
  expect(texts.activity).not.toMatch(/your teacher/i);

  // The class's assignment removed: self-study sees its score and the key again.
  await sql(`DELETE FROM "Assignment" WHERE "id" = $1`, [`as-${world.tag}`]);
  await page.goto(`/learn/${world.moduleSlug}/activities/${world.slug}`);
  await expect(page.getByRole("heading", { name: `Attempt 1: 1 of 5 points (${POOR})` })).toBeVisible();
  await expect(page.getByText(KEY_TEXTS[0]!)).toBeVisible();
});
