/**
 * Prisma CLI configuration. NOTE: this file is for the CLI only (migrate, generate), never the app.
 * It runs migrations with Prisma 6's bundled Wasm schema engine over a `pg` driver adapter, because the
 * native schema engine cannot be downloaded on our machines. See docs/decisions/001-prisma-migrations.md
 * for the three upstream problems worked around below.
 */
import { defineConfig } from "prisma/config";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// `prisma generate` needs no database, but silently generates nothing when the schema's env() is unset.
if (process.argv.includes("generate")) process.env.DATABASE_URL ??= "postgresql://generate-only@localhost/none";

// (3) The Wasm engine leaves long timers behind, keeping the CLI alive for up to a minute after it is done.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = realSetTimeout(fn, ms, ...args);
  if ((ms ?? 0) >= 1000) timer.unref?.();
  return timer;
}) as typeof setTimeout;

// (1) prisma/orm#27403: the adapter cannot map Postgres catalog types (name, char, oidvector...) that the
// engine reads while introspecting; reporting them as text is what the engine expects anyway.
const CATALOG_OIDS = new Set([18, 19, 22, 24, 30, 194, 1002, 1003, 2205, 2206]);
type TField = { dataTypeID: number };
function reportCatalogTypesAsText(client: pg.PoolClient) {
  type TResult = { fields?: TField[] } | undefined;
  const fix = (res: TResult) => {
    for (const field of res?.fields ?? []) if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = 25;
    return res;
  };
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
    const last = args.at(-1);
    // pg.Pool#query calls its client back; a direct client.query returns a promise.
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: TResult) => last(err, fix(res));
      return query(...args);
    }
    const result = query(...args);
    return result instanceof Promise ? result.then(fix) : result;
  };
}

function poolFor(url: URL, database = url.pathname.slice(1)) {
  // Separate fields, not a connectionString: a connectionString would win over `database` below.
  const pool = new pg.Pool({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
    allowExitOnIdle: true,
  });
  pool.on("connect", reportCatalogTypesAsText);
  return pool;
}

function adapterFactory() {
  const raw = process.env.DATABASE_URL;
  if (!raw) throw new Error("DATABASE_URL is not set (run through `npm run db:migrate` or scripts/with-db.ts)");
  const url = new URL(raw);
  const main = new PrismaPg(poolFor(url), { disposeExternalPool: true });
  // (2) The adapter's own shadow factory drops the database while its pool is still open. Ours closes
  // the pool first, then drops with FORCE.
  return Object.assign(main, {
    async connectToShadowDb() {
      const admin = new pg.Client({ connectionString: raw });
      await admin.connect();
      const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      const shadow = await new PrismaPg(poolFor(url, name), { disposeExternalPool: true }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      };
      return shadow;
    },
  });
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  adapter: async () => adapterFactory(),
});
