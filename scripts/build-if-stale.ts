/** Runs `next build` when the build is missing or older than the code it was built from. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

const BUILD_INPUTS = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package.json", "prisma/schema.prisma"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).filter((n) => n !== "generated").map((n) => newestMtime(path.join(entry, n))));
}

export function buildIfStale() {
  const buildId = ".next/BUILD_ID";
  const stale = !existsSync(buildId) || Math.max(...BUILD_INPUTS.map(newestMtime)) > statSync(buildId).mtimeMs;
  if (!stale) return;
  console.log("Building Crosscheck (first run, or the code changed)…");
  const started = new Date();
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // The build is as old as the code it read: a file saved while it ran makes the next run build again.
  utimesSync(buildId, started, started);
}

// Run directly (`tsx scripts/build-if-stale.ts`), it builds when needed.
if (process.argv[1]?.endsWith("build-if-stale.ts")) buildIfStale();
