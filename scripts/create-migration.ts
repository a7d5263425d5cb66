/**
 * `npm run db:migration:create -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
 * the SQL that takes the existing migrations to schema.prisma. NOTE: `prisma migrate diff` rather than
 * `migrate dev --create-only`, which on the Wasm schema engine writes the file and then fails
 * (docs/decisions/001). Run it through scripts/with-db.ts, which provides the database for the shadow copy.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:create -- <name_in_snake_case>");
  process.exit(2);
}
const sql = execFileSync(
  "npx",
  ["--no-install", "prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!sql.trim() || /^-- This is an empty migration\.\s*$/.test(sql.trim())) {
  console.log("schema.prisma matches the migrations: nothing to create.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Created ${dir}/migration.sql — review it, then \`npm run db:migrate\` applies it.`);
