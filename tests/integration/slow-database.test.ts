import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createUser, db } from "./helpers";

/**
 * Issue 15: a slow database must not hang requests. A competing session holds a row lock, as a long
 * transaction or a stuck migration would; the app's queries behind it must fail with an error the app
 * answers with 503 ("database busy, try again"), free their connections, and work again once the lock
 * is gone. No timing assertions: a test that hung would time out (30 s) instead of passing.
 */
let competitor: pg.Client | null = null;

/** A second session (not the app's pool) that locks one user's row until `release()`. */
async function lockUserRow(userId: string) {
  competitor = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await competitor.connect();
  await competitor.query("BEGIN");
  await competitor.query(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, [userId]);
  return async () => {
    await competitor?.query("ROLLBACK");
    await competitor?.end();
    competitor = null;
  };
}

afterEach(async () => {
  await competitor?.end().catch(() => {});
  competitor = null;
});

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("a slow or locked database", () => {
  it("more writes than the pool has connections, all stuck behind a lock, each fail as 'database unavailable', and the app recovers", async () => {
    const user = await createUser();
    const release = await lockUserRow(user.id);
    // 12 writes for a pool of 10: ten wait on the lock until statement_timeout cancels them, two wait for
    // a connection until the pool gives up.
    const writes = Array.from({ length: 12 }, (_, i) => failure(db.user.update({ where: { id: user.id }, data: { name: `Renamed ${i}` } })));
    const errors = await Promise.all(writes);
    for (const error of errors) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    // The connections were freed: an unrelated query works while the lock is still held.
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    await release();
    await db.user.update({ where: { id: user.id }, data: { name: "Renamed after" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } })).name).toBe("Renamed after");
  }, 30_000);

  it("an interactive transaction that cannot finish in its time (Prisma's P2028) counts as 'database unavailable'", async () => {
    const error = await failure(
      db.$transaction(
        async (tx) => {
          await tx.user.count();
          await new Promise((resolve) => setTimeout(resolve, 400));
          await tx.user.count();
        },
        { timeout: 100 },
      ),
    );
    expect((error as { code?: string } | null)?.code).toBe("P2028");
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("the app's connections carry the time limits; a script's own client (seed, content import) does not", async () => {
    const [app] = await db.$queryRaw<{ statement: string; idle: string }[]>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`;
    expect(app).toEqual({ statement: "5s", idle: "15s" });
    // The same construction as prisma/seed.ts and scripts/content.ts.
    const script = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
    try {
      const [own] = await script.$queryRaw<{ statement: string }[]>`SELECT current_setting('statement_timeout') AS statement`;
      expect(own?.statement).toBe("0");
    } finally {
      await script.$disconnect();
    }
  });
});
