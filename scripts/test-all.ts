/**
 * `npm test`: every test against real services. Starts a throw-away embedded Postgres (or, with
 * DATABASE_URL set, creates a `crosscheck_test` database on that server), migrates and seeds it, runs
 * the unit and integration suites (Vitest), builds the app if needed and runs the end-to-end suite
 * (Playwright, Chromium). Exits non-zero when anything fails.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { buildIfStale } from "./build-if-stale";
import { startEmbeddedPostgres, type TDatabaseServer } from "./embedded-postgres";
import { installMissing } from "./system-tools";

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit" });
    const forward = (s: NodeJS.Signals) => child.kill(s);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 1);
    });
  });
}

const VITEST_JSON = ".test-results/vitest.json";
const PLAYWRIGHT_JSON = ".test-results/playwright.json";

type TReport = { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number; stats?: { expected: number; unexpected: number; flaky: number; skipped: number } };

function readJson(file: string): TReport | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as TReport;
  } catch {
    return null;
  }
}

/** Totals over the runners' JSON reports (a runner that did not get to run counts nothing). */
function countTests() {
  const v = readJson(VITEST_JSON);
  const p = readJson(PLAYWRIGHT_JSON)?.stats;
  return {
    passed: (v?.numPassedTests ?? 0) + (p ? p.expected + p.flaky : 0),
    failed: (v?.numFailedTests ?? 0) + (p?.unexpected ?? 0),
    skipped: (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.skipped ?? 0),
  };
}

async function recreateDatabase(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

async function main() {
  process.env.AUTH_SECRET ??= "test-secret-that-is-at-least-32-characters-long";
  // Before anything slow, so a missing browser is said (and fixed) in the first seconds.
  installMissing(["chromium", "nginx"]);
  let server: TDatabaseServer | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    server = await startEmbeddedPostgres({ ephemeral: true });
    adminUrl = server.url("postgres");
  }
  const testUrl = new URL(adminUrl);
  testUrl.pathname = "/crosscheck_test";
  await recreateDatabase(adminUrl, "crosscheck_test");
  process.env.DATABASE_URL = testUrl.toString();

  rmSync(".test-results", { recursive: true, force: true });
  const results: Array<[string, number]> = [];
  try {
    let code = await run("npx", ["--no-install", "prisma", "migrate", "deploy"]);
    if (code === 0) code = await run("npx", ["--no-install", "tsx", "prisma/seed.ts"]);
    if (code !== 0) throw new Error("Could not prepare the test database.");
    results.push([
      "unit + integration (vitest)",
      await run("npx", ["--no-install", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${VITEST_JSON}`]),
    ]);
    buildIfStale();
    results.push(["end-to-end (playwright)", await run("npx", ["--no-install", "playwright", "test"])]);
  } finally {
    await server?.stop();
  }
  console.log("\nSummary");
  for (const [suite, code] of results) console.log(`  ${code === 0 ? "PASS" : "FAIL"}  ${suite}`);
  const counts = countTests();
  const failed = results.some(([, code]) => code !== 0);
  // The one plain line CI reads: every test of every runner.
  console.log(`\n${counts.passed} passed, ${counts.failed + (failed && counts.failed === 0 ? 1 : 0)} failed, ${counts.skipped} skipped`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
