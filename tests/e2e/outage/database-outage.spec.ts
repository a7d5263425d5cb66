import pg from "pg";
import { expect, signUpNewStudent, test } from "../fixtures";

/**
 * A real database outage: connections to the app's database are refused and cut, then allowed again.
 * Runs in its own Playwright project after every other test, because it takes the database away from all.
 */
async function setDatabaseReachable(reachable: boolean) {
  const url = new URL(process.env.DATABASE_URL!);
  const database = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS ${reachable}`);
  if (!reachable) await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
  await admin.end();
}

test.afterEach(async () => {
  await setDatabaseReachable(true);
});

test("an answer given while the database is down is kept, shown as not saved, and saved when it is back", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto("/learn/september-2023/activities/september-2023-quiz");
  const status = page.getByRole("status").filter({ hasText: /saved|offline|Saving|reached/i });
  await expect(status).toHaveText("All answers saved.");

  await setDatabaseReachable(false);
  await page.getByRole("radio").first().check();
  await expect(status).toContainText("Not saved yet: the server could not be reached. 1 answer kept on this device");

  await setDatabaseReachable(true);
  // The queue retries every few seconds; the app reconnects by itself.
  await expect(status).toHaveText("All answers saved.", { timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole("radio").first()).toBeChecked();
});
