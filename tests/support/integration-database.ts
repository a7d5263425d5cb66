/** Runs before each integration test file: points DATABASE_URL at a fresh clone of the template. */
import { randomBytes } from "node:crypto";
import pg from "pg";

const TEMPLATE = "crosscheck_it_template";
const adminUrl = process.env.CROSSCHECK_IT_ADMIN_URL ?? (() => {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = "/postgres";
  return u.toString();
})();
const name = `crosscheck_it_${randomBytes(6).toString("hex")}`;
const client = new pg.Client({ connectionString: adminUrl });
await client.connect();
await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`);
await client.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.AUTH_SECRET ??= "test-secret-that-is-at-least-32-characters-long";
