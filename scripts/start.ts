/**
 * `npm start`: builds the app when the build is missing or older than the code, then serves it on PORT
 * (default 3000) with a migrated, seeded database (the embedded one unless DATABASE_URL is set).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_INPUTS = ["app", "components", "lib", "proxy.ts", "next.config.js", "package.json", "prisma/schema.prisma"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).filter((n) => n !== "generated").map((n) => newestMtime(path.join(entry, n))));
}

const buildId = ".next/BUILD_ID";
const stale = !existsSync(buildId) || Math.max(...BUILD_INPUTS.map(newestMtime)) > statSync(buildId).mtimeMs;
if (stale) {
  console.log("Building Crosscheck (first start, or the code changed)…");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const server = spawn("npx", ["--no-install", "tsx", "scripts/with-db.ts", "next", "start", "-p", port], {
  stdio: "inherit",
});
// Ctrl-C or a supervisor's SIGTERM: pass it on and wait, so the database is stopped cleanly first.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
