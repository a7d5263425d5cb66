/**
 * Integration tests get their own databases, cloned per test file from a template made once per run
 * from the migrated and seeded database that `npm test` prepared (DATABASE_URL).
 */
import pg from "pg";

export const TEMPLATE = "crosscheck_it_template";

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Integration tests need DATABASE_URL: run them with `npm test` or `npm run test:integration`.");
  const admin = new URL(url);
  const source = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE}" WITH (FORCE)`);
  // Cloning needs the source database idle; nothing else runs during this step.
  await client.query(`CREATE DATABASE "${TEMPLATE}" TEMPLATE "${source}"`);
  await client.end();
  process.env.CROSSCHECK_IT_ADMIN_URL = admin.toString();
  return async () => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    const { rows } = await c.query("SELECT datname FROM pg_database WHERE datname LIKE 'crosscheck_it_%'");
    for (const row of rows) await c.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await c.end();
  };
}
