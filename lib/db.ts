import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "./env";

function createClient(connectionString: string) {
  // NOTE: a driver adapter, not a query engine binary: nothing is downloaded (docs/decisions/001).
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

/** The primary, with the replicas of DATABASE_REPLICA_URLS behind its `$replica()` (none: null). */
function createClients() {
  const primary = createClient(env().DATABASE_URL);
  const urls = env().DATABASE_REPLICA_URLS;
  // NOTE: only `$replica()` of the extended client is ever used. Its default routing (every read of
  // the extended client to a replica) would make stale reads the default, so `db` stays the plain primary.
  const routed = urls.length ? primary.$extends(readReplicas({ replicas: urls.map(createClient) })) : null;
  return { primary, routed };
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

type TReadOperation = "findFirst" | "findFirstOrThrow" | "findMany" | "findUnique" | "findUniqueOrThrow" | "count" | "aggregate" | "groupBy";
/** A client that can only read: what a replica accepts, checked by the compiler rather than by the replica. */
export type TReadClient = { [M in Uncapitalize<Prisma.ModelName>]: Pick<PrismaClient[M], TReadOperation> } & Pick<PrismaClient, "$queryRaw">;

/**
 * A client for reads that may be a few seconds behind the primary: one of DATABASE_REPLICA_URLS, picked
 * at random per call, or the primary when none is set. Opted into at named call sites only (see
 * docs/deploy.md, "Read replicas"): published course content for learners, and the students' attempts
 * in instructors' reports. NEVER for the caller's own data, anything just written in the same request,
 * sessions, rate limits or reads inside a transaction: a replica would show them as they were.
 */
export function replica(): TReadClient {
  const { primary, routed } = getClients();
  // NOTE: `$replica()` returns the replica's own PrismaClient at run time; its declared type is the extended primary's.
  return routed ? (routed.$replica() as unknown as PrismaClient) : primary;
}
