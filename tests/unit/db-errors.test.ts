import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable, lostDatabaseConnection } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** A loopback port nobody listens on: connecting to it is refused, as with a stopped Postgres. */
async function closedPort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The shape Prisma gives a raw query the driver adapter failed (as logged during a real restart). */
const rawQueryFailed = (cause: object) => Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("isDatabaseUnavailable", () => {
  let url: string;
  let prisma: PrismaClient;
  beforeAll(async () => {
    url = `postgresql://nobody:secret@127.0.0.1:${await closedPort()}/none`;
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 2_000 }) });
  });
  afterAll(() => prisma.$disconnect());

  it("recognises the errors of a stopped database, as Prisma and node-postgres throw them", async () => {
    const raw = await prisma.$queryRaw`SELECT 1`.catch((e: unknown) => e);
    expect(isDatabaseUnavailable(raw), String(raw)).toBe(true);
    const model = await prisma.user.count().catch((e: unknown) => e);
    expect(isDatabaseUnavailable(model), String(model)).toBe(true);
    const pool = new pg.Pool({ connectionString: url });
    const direct = await pool.query("SELECT 1").catch((e: unknown) => e);
    await pool.end();
    expect(isDatabaseUnavailable(direct), String(direct)).toBe(true);
  });

  it("recognises a restart: sessions cut by the shutdown, connections refused while it shuts down or starts", () => {
    expect(isDatabaseUnavailable(rawQueryFailed({ kind: "postgres", originalCode: "57P01", code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(rawQueryFailed({ kind: "postgres", originalCode: "57P03", code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable(rawQueryFailed({ kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: "ECONNREFUSED", syscall: "connect" });
    expect(isDatabaseUnavailable(Object.assign(new AggregateError([refused("::1"), refused("127.0.0.1")]), { code: "ECONNREFUSED" }))).toBe(true);
  });

  it("recognises a database too slow to answer: statement and transaction time limits, a lock not obtained, Prisma's P2028", () => {
    // As the driver adapter reports a statement cancelled by statement_timeout (kind "postgres", its SQLSTATE in `code`).
    expect(isDatabaseUnavailable(rawQueryFailed({ kind: "postgres", code: "57014", message: "canceling statement due to statement timeout" }))).toBe(true);
    expect(isDatabaseUnavailable(rawQueryFailed({ kind: "postgres", code: "25P03" }))).toBe(true);
    expect(isDatabaseUnavailable(rawQueryFailed({ kind: "postgres", code: "55P03" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }))).toBe(true);
    // node-postgres directly (the session check's raw pool).
    expect(isDatabaseUnavailable(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }))).toBe(true);
  });

  it("leaves every other failure to the generic handler", () => {
    expect(isDatabaseUnavailable(rawQueryFailed({ kind: "postgres", originalCode: "42601", code: "42601" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new AppError("NOT_FOUND", "This attempt does not exist or is not yours."))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    // The learner's own request aborted while its body was read (seen under load): not the database.
    expect(isDatabaseUnavailable(Object.assign(new Error("aborted"), { code: "ECONNRESET" }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});

describe("a socket error on the database's own connection", () => {
  it("is unavailable once the query that met it marks it; a bare ECONNRESET stays a bug", () => {
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read", errno: -104 });
    expect(isDatabaseUnavailable(reset)).toBe(false);
    expect(isDatabaseUnavailable(lostDatabaseConnection(reset))).toBe(true);
    const bug = new TypeError("x is undefined");
    expect(lostDatabaseConnection(bug)).toBe(bug);
  });
});
