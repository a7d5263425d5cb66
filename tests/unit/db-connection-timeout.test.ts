import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db-errors";

// A server that accepts TCP connections and never answers: what a database host behind a firewall that
// drops packets, or one in the middle of a restart, looks like to the app. node-postgres would wait forever.
const silent = net.createServer(() => {});
const sockets = new Set<net.Socket>();
silent.on("connection", (socket) => sockets.add(socket));

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const { port } = silent.address() as net.AddressInfo;
  process.env.DATABASE_URL = `postgresql://nobody:secret@127.0.0.1:${port}/none`;
  process.env.AUTH_SECRET ??= "a-test-secret-that-is-long-enough-0123456789";
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

it("a query fails within a few seconds, as 'database unavailable', when the database never answers", async () => {
  const { db } = await import("@/lib/db");
  const query = () => db.$queryRaw`SELECT 1`.then(() => null, (e: unknown) => e);
  // The first query also loads Prisma's query compiler; the second one measures the wait alone.
  expect(isDatabaseUnavailable(await query())).toBe(true);
  const started = Date.now();
  const error = await query();
  // The functional deadline of issue 7: a save fails within a few seconds; it does not hang.
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(isDatabaseUnavailable(error), String(error)).toBe(true);
}, 20_000);
