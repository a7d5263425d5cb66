import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  // NOTE: a driver adapter, not a query engine binary: nothing is downloaded (docs/decisions/001).
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 }) });
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
