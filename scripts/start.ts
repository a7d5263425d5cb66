/**
 * `npm start`: builds the app when the build is missing or stale, then serves it on PORT (default 3000)
 * with a migrated, seeded database (the embedded one unless DATABASE_URL is set).
 */
import { spawn } from "node:child_process";
import { buildIfStale } from "./build-if-stale";

buildIfStale();
const port = process.env.PORT ?? "3000";
const server = spawn("npx", ["--no-install", "tsx", "scripts/with-db.ts", "next", "start", "-p", port], {
  stdio: "inherit",
});
// Ctrl-C or a supervisor's SIGTERM: pass it on and wait, so the database is stopped cleanly first.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
