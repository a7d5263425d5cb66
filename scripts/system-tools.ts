/**
 * The two programs the suites need from Debian, not npm: Chromium (Playwright's browser: nothing may be
 * downloaded by `npx playwright install` here) and nginx (the two-node test and benchmark). `npm test`
 * installs what is missing, saying so, so the README's command is all a newcomer runs; `npm run bench`
 * only reports what is missing and skips the measurements that need it.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

const TOOLS = {
  chromium: { path: CHROMIUM, pkg: "chromium", why: "the end-to-end tests' browser" },
  nginx: { path: NGINX, pkg: "nginx", why: "the two-node test (two app processes behind nginx)" },
} as const;
export type TTool = keyof typeof TOOLS;

export function isInstalled(tool: TTool): boolean {
  return existsSync(TOOLS[tool].path);
}

/** Installs the missing tools with apt-get when this process may (root on Debian); says what it does. */
export function installMissing(tools: readonly TTool[]): void {
  const missing = tools.filter((t) => !isInstalled(t));
  if (missing.length === 0) return;
  const pkgs = missing.map((t) => TOOLS[t].pkg);
  for (const t of missing) console.log(`${TOOLS[t].path} is missing: it is ${TOOLS[t].why}.`);
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    console.log(`Install it with: sudo apt-get install -y ${pkgs.join(" ")} (the tests that need it will fail until then).`);
    return;
  }
  console.log(`Installing Debian's ${pkgs.join(" and ")} (apt-get install -y ${pkgs.join(" ")})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args: string[]) => spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env }).status === 0;
  if (!apt(["update", "-qq"]) || !apt(["install", "-y", "-qq", ...pkgs])) {
    console.log(`apt-get could not install ${pkgs.join(" ")}; the tests that need it will fail.`);
    return;
  }
  // Only nginx's binary is used (the tests start their own on their own ports): stop the system service.
  if (missing.includes("nginx")) spawnSync("service", ["nginx", "stop"], { stdio: "ignore" });
}

/** For the benchmark: whether `tool` is there, and if not, one line saying what is skipped. */
export function availableOrSkip(tool: TTool, skipped: string): boolean {
  if (isInstalled(tool)) return true;
  console.log(`\nSkipped: ${skipped}: ${TOOLS[tool].path} is missing (apt-get install ${TOOLS[tool].pkg}).`);
  return false;
}
