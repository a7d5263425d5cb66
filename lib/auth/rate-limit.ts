import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

/**
 * Sign-in and sign-up throttling, with its counters in Postgres (the `RateLimit` table) so that every app
 * process sees the same counts: a second node, or a restart, does not reset them.
 *
 * Only FAILED sign-ins count, in three buckets:
 * - this account from this client: 5 failures in 15 minutes, then refused; the real user, elsewhere, is
 *   not locked out, and a success here clears it;
 * - this client, any account: 30 failures in 15 minutes (credential stuffing from one address). A whole
 *   school signing in correctly behind one address counts nothing;
 * - this account, any client: 50 failures an hour (a guess spread over many addresses).
 * Sign-ups count every attempt: 100 an hour per client address (a class signing up in its first lesson).
 */
const MINUTE = 60;
export const LIMITS = {
  accountFromClient: { points: 5, duration: 15 * MINUTE },
  client: { points: 30, duration: 15 * MINUTE },
  account: { points: 50, duration: 60 * MINUTE },
  signUp: { points: 100, duration: 60 * MINUTE },
} as const;

type TBucket = keyof typeof LIMITS;
const limiters = new Map<TBucket, RateLimiterAbstract>();
let pool: Pool | null = null;

function limiter(bucket: TBucket): RateLimiterAbstract {
  let found = limiters.get(bucket);
  if (!found) {
    // NOTE: a small pool of its own: the limiter speaks SQL through `pg`, not through Prisma.
    if (!pool) {
      pool = new Pool({ connectionString: env().DATABASE_URL, max: 3, connectionTimeoutMillis: 3_000 });
      // NOTE: a restarting database closes the idle connections; the pool drops them and reconnects on the
      // next query. Without this listener, node-postgres's 'error' event would be an uncaught exception.
      pool.on("error", (error) => console.error(`Database connection lost (rate limiter, idle): ${error.message}`));
    }
    found = new RateLimiterPostgres({ storeClient: pool, storeType: "pool", tableName: "RateLimit", tableCreated: true, keyPrefix: bucket, ...LIMITS[bucket] });
    limiters.set(bucket, found);
  }
  return found;
}

const keys = (login: string, address: string) =>
  [
    ["accountFromClient", `${login}|${address}`],
    ["client", address],
    ["account", login],
  ] as const;

function refuse(msBeforeNext: number): never {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  throw new AppError("RATE_LIMITED", `Too many attempts. Please wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`);
}

/** Refuses a sign-in before the password is checked when this account or this client failed too often. */
export async function checkSignIn(login: string, address: string) {
  for (const [bucket, key] of keys(login, address)) {
    const res = await limiter(bucket).get(key);
    if (res && res.consumedPoints >= LIMITS[bucket].points) refuse(res.msBeforeNext);
  }
}

/** Counts one failed sign-in against the account from this client, the client, and the account. */
export async function recordSignInFailure(login: string, address: string) {
  await Promise.all(keys(login, address).map(([bucket, key]) => limiter(bucket).penalty(key, 1)));
}

/** A successful sign-in clears this account's failures from this client. */
export async function clearSignInFailures(login: string, address: string) {
  await limiter("accountFromClient").delete(`${login}|${address}`);
}

export async function limitSignUp(address: string) {
  try {
    await limiter("signUp").consume(address);
  } catch (error) {
    if (error instanceof Error) throw error;
    refuse((error as { msBeforeNext: number }).msBeforeNext);
  }
}
