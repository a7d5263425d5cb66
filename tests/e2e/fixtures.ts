import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "crosscheck-demo";
export const DEMO = {
  student: "student@crosscheck.test",
  instructor: "instructor@crosscheck.test",
  admin: "admin@crosscheck.test",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A fresh student account, so tests never share progress. */
export async function signUpNewStudent(page: Page, name = "Test Student") {
  const email = `student-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("a-long-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  return { email, password: "a-long-password-1" };
}

/**
 * Puts the learner `email` in a new class that has `activitySlug` set with feedback shown at once, so they
 * see their score and the key whatever other tests assign meanwhile. NOTE: by the self-study rule
 * (decision 016), a class elsewhere with that activity set with feedback withheld would withhold it from a
 * learner in no class; a learner's own class decides for them.
 */
export async function joinClassShowingFeedback(email: string, activitySlug: string) {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const id = `e2e-${randomBytes(6).toString("hex")}`;
    await db.query(`INSERT INTO "Class" ("id", "name", "term", "updatedAt") VALUES ($1, 'Feedback at once', 'Autumn 2026', now())`, [id]);
    await db.query(`INSERT INTO "ClassMember" ("classId", "userId") SELECT $1, "id" FROM "User" WHERE "email" = $2`, [id, email]);
    await db.query(
      `INSERT INTO "Assignment" ("id", "classId", "activityId", "opensAt", "dueAt", "timeZone", "feedback")
       SELECT $1, $1, "id", now() - interval '1 day', now() + interval '7 days', 'UTC', 'IMMEDIATE' FROM "Activity" WHERE "slug" = $2`,
      [id, activitySlug],
    );
  } finally {
    await db.end();
  }
}

/** Fails with the list of violations when axe finds any accessibility problem on the page. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, "axe accessibility violations").toEqual([]);
}

export const test = base;
export { expect };
