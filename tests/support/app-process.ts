import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";

/**
 * The production server (scripts/serve.ts) in a process of its own on 127.0.0.1:`port`, as `npm start`
 * runs it: for the tests that stop or multiply it, the benchmark and Lighthouse.
 * NOTE: node itself, not npx, so that stopping the process stops the server and not only a wrapper.
 */
export function startAppProcess(
  port: number,
  { env = {}, stdio = "ignore", nodeArgs = [] }: { env?: Record<string, string>; stdio?: StdioOptions; nodeArgs?: string[] } = {},
): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/serve.ts"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio,
  });
}

/** Resolves once `baseUrl` answers its health check; throws after `seconds`, or as soon as `app` has exited. */
export async function waitForHealthy(baseUrl: string, { seconds = 60, app }: { seconds?: number; app?: ChildProcess } = {}) {
  for (let i = 0; i < seconds * 2 && (app?.exitCode ?? null) === null; i++) {
    if (await fetch(new URL("/api/health", baseUrl)).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${baseUrl} never came up`);
}
