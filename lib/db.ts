import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { describeDatabaseError, isDatabaseUnavailable } from "./db-errors";
import { env } from "./env";

/**
 * How long a request may wait for a database connection, either opening a new one or queueing for a
 * busy pool, before it fails. NOTE: node-postgres waits forever by default. A database that is down
 * usually refuses at once, but one that is restarting, behind a firewall that drops packets, or on a
 * host that vanished lets a connection attempt hang: every request would then hang with it, and the
 * learner's browser would wait instead of keeping the answer and retrying. Failing after a few seconds
 * turns that into a 503 the save queue understands (lib/api-route.ts). node-postgres applies the same
 * limit to waiting for a free connection of the pool: under overload, a save that waited that long is
 * refused with 503 and resent by the browser a few seconds later (in a benchmark run on a loaded machine,
 * saves with a p95 of 3.3 s, none was).
 */
const CONNECTION_TIMEOUT_MS = 3_000;

/**
 * Limits Postgres itself enforces on every connection of the app's pools (sent when the connection
 * opens), so that a slow or locked database answers "busy" instead of holding every connection of the
 * pool: a statement running or waiting for a lock longer than 5 s is cancelled (SQLSTATE 57014), and a
 * transaction left idle for 15 s is ended (25P03). Both become a 503 with the usual message
 * (lib/db-errors.ts), and the connection is free again at once. NOTE: only the app's runtime pools:
 * the seed, migrations and `npm run content` open their own clients without these limits, so a long
 * import is never cut short. Behind PgBouncer, which refuses unknown startup parameters, set them on
 * the app's role instead (docs/deploy.md).
 */
export const SESSION_LIMITS = { statement_timeout: 5_000, idle_in_transaction_session_timeout: 15_000 } as const;

function createPool(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS, ...SESSION_LIMITS });
  // When Postgres stops or restarts, it closes every idle connection in the pool. The pool drops them
  // and opens new ones on the next query, so this is only worth a line in the log; without a listener,
  // an 'error' event would be an uncaught exception.
  pool.on("error", (error) => console.error(`Database connection lost (idle, dropped from the pool): ${error.message}`));
  return pool;
}

function createClient(pool: pg.Pool) {
  // NOTE: a driver adapter, not a query engine binary: nothing is downloaded (docs/decisions/001).
  const adapter = new PrismaPg(pool, {
    onConnectionError: (error) => console.error(`Database connection lost (in a transaction): ${error.message}`),
  });
  return new PrismaClient({ adapter });
}

/** The primary, with the replicas of DATABASE_REPLICA_URLS behind its `$replica()` (none: null). */
function createClients() {
  const pool = createPool(env().DATABASE_URL);
  const primary = createClient(pool);
  const urls = env().DATABASE_REPLICA_URLS;
  // NOTE: only `$replica()` of the extended client is ever used. Its default routing (every read of
  // the extended client to a replica) would make stale reads the default, so `db` stays the plain primary.
  const routed = urls.length ? primary.$extends(readReplicas({ replicas: urls.map((url) => createClient(createPool(url))) })) : null;
  return { pool, primary, routed };
}

type TClients = ReturnType<typeof createClients>;
const globalForPrisma = globalThis as unknown as { prismaClients?: TClients };

function getClients(): TClients {
  // Reused across hot reloads in development, where modules are evaluated again.
  globalForPrisma.prismaClients ??= createClients();
  return globalForPrisma.prismaClients;
}

/**
 * The app's Prisma client, on the primary: every write, and every read that is not explicitly allowed
 * to be stale. NOTE: created on first use, not at import, so that `next build` can import pages
 * without a database or configuration.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, prop) {
    const client = getClients().primary;
    const value = Reflect.get(client, prop);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * The primary's connection pool itself, shared with `db`: for the one query every request makes (the
 * session check in lib/auth/active-user.ts), where Prisma's own work per query would cost more than the
 * query. Everything else goes through `db`.
 */
export function primaryPool(): pg.Pool {
  return getClients().pool;
}

type TReadOperation = "findFirst" | "findFirstOrThrow" | "findMany" | "findUnique" | "findUniqueOrThrow" | "count" | "aggregate" | "groupBy";
type TReadModel = Uncapitalize<Prisma.ModelName>;
/** A client that can only read: what a replica accepts, checked by the compiler rather than by the replica. */
export type TReadClient = { [M in TReadModel]: Pick<PrismaClient[M], TReadOperation> } & Pick<PrismaClient, "$queryRaw">;

/** Runs `read` on the replica; if the replica cannot be reached or used, once more on the primary. */
async function readWithFallback<T>(read: (client: PrismaClient) => Promise<T>, replicaClient: PrismaClient, primary: PrismaClient): Promise<T> {
  try {
    return await read(replicaClient);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(`Read replica unavailable, read from the primary instead: ${describeDatabaseError(error)}`);
    return read(primary);
  }
}

type TAnyMethod = (...args: unknown[]) => Promise<unknown>;
const fallbackClients = new WeakMap<PrismaClient, TReadClient>();

/**
 * `replicaClient` as a TReadClient whose every read falls back to the primary when the replica is down.
 * NOTE: the operations return plain promises rather than Prisma's lazy ones, so they cannot go into
 * `$transaction([...])`; replica reads never belong in a transaction anyway.
 */
function withPrimaryFallback(replicaClient: PrismaClient, primary: PrismaClient): TReadClient {
  const cached = fallbackClients.get(replicaClient);
  if (cached) return cached;
  // The same operation with the same arguments, on whichever client `readWithFallback` passes.
  const method =
    (model: string | null, op: string): TAnyMethod =>
    (...args) =>
      readWithFallback((client) => ((model ? Reflect.get(client, model) : client) as Record<string, TAnyMethod>)[op]!(...args), replicaClient, primary);
  const models = new Map<string, unknown>();
  const wrapped = new Proxy({} as TReadClient, {
    get(_, prop) {
      if (typeof prop !== "string") return undefined;
      if (prop === "$queryRaw") return method(null, "$queryRaw");
      if (!models.has(prop)) models.set(prop, new Proxy({}, { get: (__, op) => (typeof op === "string" ? method(prop, op) : undefined) }));
      return models.get(prop);
    },
  });
  fallbackClients.set(replicaClient, wrapped);
  return wrapped;
}

/**
 * A client for reads that may be a few seconds behind the primary: one of DATABASE_REPLICA_URLS, picked
 * at random per call, or the primary when none is set. Opted into at named call sites only (see
 * docs/deploy.md, "Read replicas"): published course content for learners, and the students' attempts
 * in instructors' reports. NEVER for the caller's own data, anything just written in the same request,
 * sessions, rate limits or reads inside a transaction: a replica would show them as they were.
 * A read that finds its replica down (refused, unreachable, shut down: `isDatabaseUnavailable`) is retried
 * once on the primary, with one line in the log, so one replica down does not take content and reports
 * with it. NOTE: a replica that hangs rather than refuses costs each read the connection timeout (3 s)
 * before the primary answers: remove its URL from DATABASE_REPLICA_URLS (docs/deploy.md).
 */
export function replica(): TReadClient {
  const { primary, routed } = getClients();
  if (!routed) return primary;
  // NOTE: `$replica()` returns the replica's own PrismaClient at run time; its declared type is the extended primary's.
  return withPrimaryFallback(routed.$replica() as unknown as PrismaClient, primary);
}
