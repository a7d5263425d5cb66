import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

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

function createClient() {
  // NOTE: a driver adapter, not a query engine binary: nothing is downloaded (docs/decisions/001).
  const adapter = new PrismaPg(
    { connectionString: env().DATABASE_URL, max: 10, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS },
    {
      // When Postgres stops or restarts, it closes every idle connection in the pool. The pool drops
      // them and opens new ones on the next query, so this is only worth a line in the log; without a
      // listener, an 'error' event would be an uncaught exception.
      onPoolError: (error) => console.error(`Database connection lost (idle, dropped from the pool): ${error.message}`),
      onConnectionError: (error) => console.error(`Database connection lost (in a transaction): ${error.message}`),
    },
  );
  return new PrismaClient({ adapter });
}

function getClient(): PrismaClient {
  // Reused across hot reloads in development, where modules are evaluated again.
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/**
 * The one Prisma client of the app. NOTE: created on first use, not at import, so that `next build`
 * can import pages without a database or configuration.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, prop) {
    const client = getClient();
    const value = Reflect.get(client, prop);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
