/**
 * Runs a command with a migrated (and, by default, seeded) database in DATABASE_URL.
 *   tsx scripts/with-db.ts [--ephemeral] [--no-migrate] [--no-seed] <command> [args...]
 * Uses DATABASE_URL when set; otherwise starts the embedded Postgres and stops it when the command ends.
 * SIGINT/SIGTERM go to the command first, then Postgres is stopped cleanly.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { parseEnv } from "../lib/env-schema";
import { startEmbeddedPostgres, type TDatabaseServer } from "./embedded-postgres";

export type TWithDbOptions = { ephemeral?: boolean; migrate?: boolean; seed?: boolean };

/** A stable secret for the demo and for development, kept beside the embedded data. */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = ".data/auth-secret";
  if (!existsSync(file)) {
    mkdirSync(".data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

function run(command: string, commandArgs: string[], env = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : 15) : 1));
    });
  });
}

/** Creates database `name` on the server unless it exists. */
export async function ensureDatabase(serverUrl: (db: string) => string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

/**
 * Applies the migrations (`prisma migrate deploy`) and the idempotent seed to the database at
 * `databaseUrl`; resolves with the first non-zero exit code, or 0. Also used by tests that start a
 * database server of their own (tests/e2e/outage/database-restart.spec.ts).
 */
export async function migrateAndSeed(databaseUrl: string, { migrate = true, seed = true }: Omit<TWithDbOptions, "ephemeral"> = {}): Promise<number> {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  let code = 0;
  if (migrate) code = await run("npx", ["--no-install", "prisma", "migrate", "deploy"], env);
  if (code === 0 && seed) code = await run("npx", ["--no-install", "tsx", "prisma/seed.ts"], env);
  return code;
}

/** Runs `command` with a ready database; resolves with the command's exit code. */
export async function runWithDatabase({ ephemeral = false, migrate = true, seed = true }: TWithDbOptions, command: string[]): Promise<number> {
  ensureAuthSecret();
  let server: TDatabaseServer | null = null;
  if (!process.env.DATABASE_URL) {
    server = await startEmbeddedPostgres({ ephemeral, log: process.env.PG_LOG === "1" });
    await ensureDatabase(server.url, "crosscheck");
    process.env.DATABASE_URL = server.url("crosscheck");
    process.env.CROSSCHECK_EMBEDDED_DB = "1";
  }
  const checked = parseEnv(process.env);
  if ("error" in checked) {
    await server?.stop();
    console.error(checked.error);
    return 1;
  }
  let code = 0;
  try {
    code = await migrateAndSeed(process.env.DATABASE_URL!, { migrate, seed });
    if (code === 0) code = await run(command[0]!, command.slice(1));
  } finally {
    await server?.stop();
  }
  return code;
}

function parseArgs(argv: string[]): [TWithDbOptions, string[]] {
  const args = [...argv];
  const options: TWithDbOptions = {};
  for (;;) {
    if (args[0] === "--ephemeral") options.ephemeral = true;
    else if (args[0] === "--no-migrate") options.migrate = false;
    else if (args[0] === "--no-seed") options.seed = false;
    else break;
    args.shift();
  }
  return [options, args];
}

if (process.argv[1]?.endsWith("with-db.ts")) {
  const [options, command] = parseArgs(process.argv.slice(2));
  if (command.length === 0) {
    console.error("usage: tsx scripts/with-db.ts [--ephemeral] [--no-migrate] [--no-seed] <command> [args...]");
    process.exit(2);
  }
  runWithDatabase(options, command).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
