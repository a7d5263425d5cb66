import "server-only";
import { RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { primaryPool } from "@/lib/db";
import { addressGroup } from "@/lib/http/client-address";

/**
 * The counters behind every throttle (sign-in, sign-up, reset links, join codes), in Postgres (the
 * `RateLimit` table), so that every app process sees the same counts: a second node, or a restart, does
 * not reset them. The rules live beside what they protect (lib/auth/sign-in-throttle.ts, ...).
 */
export type TLimit = { points: number; duration: number };
export const MINUTE = 60;

const limiters = new Map<string, RateLimiterAbstract>();

/** The counter named `name` (its rows' key prefix), `points` in `duration` seconds. */
export function limiter(name: string, limit: TLimit): RateLimiterAbstract {
  let found = limiters.get(name);
  if (!found) {
    // NOTE: the primary's own `pg` pool (the limiter speaks SQL through `pg`, not through Prisma), so its
    // queries carry the same time limits and connection timeout as every other query (lib/db.ts).
    found = new RateLimiterPostgres({ storeClient: primaryPool(), storeType: "pool", tableName: "RateLimit", tableCreated: true, keyPrefix: name, ...limit });
    limiters.set(name, found);
  }
  return found;
}

/** "Too many attempts. Try again in 4 minutes.": the wait, rounded up to whole minutes. */
export function waitMessage(msBeforeNext: number): string {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

export function refuse(msBeforeNext: number): never {
  throw new AppError("RATE_LIMITED", waitMessage(msBeforeNext));
}

/** How long until `key` may try again when its count has reached the limit; null when it may now. */
export async function waitFor(name: string, limit: TLimit, key: string): Promise<number | null> {
  const res = await limiter(name, limit).get(key);
  return res && res.consumedPoints >= limit.points ? res.msBeforeNext : null;
}

/**
 * Sign-ups: every attempt counts, 100 an hour per address (a class signing up in its first lesson), an
 * IPv6 address by its /64.
 */
export const SIGN_UP_LIMIT: TLimit = { points: 100, duration: 60 * MINUTE };

export async function limitSignUp(address: string) {
  try {
    await limiter("signUp", SIGN_UP_LIMIT).consume(addressGroup(address));
  } catch (error) {
    if (error instanceof Error) throw error;
    refuse((error as { msBeforeNext: number }).msBeforeNext);
  }
}
