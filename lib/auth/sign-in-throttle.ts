import "server-only";
import { addressGroup } from "@/lib/http/client-address";
import { limiter, MINUTE, refuse, waitFor, type TLimit } from "./rate-limit";

/**
 * Sign-in throttling that slows attackers down without locking the real user out (OWASP's
 * Authentication and Credential Stuffing cheat sheets; docs/decisions/013). Only FAILED sign-ins count.
 * "Address" means an IPv4 address, or an IPv6 address's /64.
 * - This account from this address: 5 failures in 15 minutes, then that address waits out the 15 minutes
 *   (the message says how long). A success clears it.
 * - This account from anywhere: 10 failures in 15 minutes mean it is under attack. It is never locked:
 *   an address that has not failed on it is always let try, so its owner signs in from home or school.
 *   An address that has failed on it waits a minute after its first failure and, after its second, the
 *   rest of its 15 minutes: two guesses per address instead of five.
 * - This address, any account: 50 different accounts failing there in 15 minutes without then signing in
 *   (credential stuffing) refuse it the rest of the 15 minutes, except to accounts that have signed in
 *   from there before (in the last 30 days). A class typing its passwords wrong and then right never
 *   adds up: a success takes its account off the count.
 */
export const SIGN_IN_LIMITS = {
  pair: { points: 5, duration: 15 * MINUTE },
  account: { points: 10, duration: 15 * MINUTE },
  pairWait: { points: 1, duration: 15 * MINUTE },
  address: { points: 50, duration: 15 * MINUTE },
  knownPair: { points: 1, duration: 30 * 24 * 60 * MINUTE },
} as const satisfies Record<string, TLimit>;

type TBucket = keyof typeof SIGN_IN_LIMITS;
const bucket = (name: TBucket) => limiter(`signIn.${name}`, SIGN_IN_LIMITS[name]);
const over = (name: TBucket, key: string) => waitFor(`signIn.${name}`, SIGN_IN_LIMITS[name], key);

/** Refuses (RATE_LIMITED, with the wait) while this pair waits, or while this address is refused to it. */
async function checkWaits(pair: string, group: string) {
  const waiting = await over("pairWait", pair);
  if (waiting !== null) refuse(waiting);
  const overAddress = await over("address", group);
  if (overAddress !== null && (await over("knownPair", pair)) === null) refuse(overAddress);
}

/** `failures`: this pair's failures in its window, this one included. */
async function recordFailure(account: string, pair: string, group: string, failures: number, msLeft: number) {
  const accountRes = await bucket("account").penalty(account);
  // The address counts accounts, not attempts: a pupil's third typo is still one pupil.
  if (failures === 1) await bucket("address").penalty(group);
  if (accountRes.consumedPoints >= SIGN_IN_LIMITS.account.points) {
    await bucket("pairWait").set(pair, 1, failures === 1 ? MINUTE : Math.ceil(msLeft / 1000));
  }
}

async function recordSuccess(pair: string, group: string, hadFailed: boolean) {
  await Promise.all([bucket("pair").delete(pair), bucket("pairWait").delete(pair), bucket("knownPair").set(pair, 1, SIGN_IN_LIMITS.knownPair.duration)]);
  if (hadFailed) {
    const counted = await bucket("address").get(group);
    if (counted && counted.consumedPoints > 0) await bucket("address").reward(group);
  }
}

/**
 * Runs `attempt` (the password check; true when it was right) for `account` (a login, or "user:<id>" for
 * a signed-in user's current password) from `address`, within the limits above: throws RATE_LIMITED with
 * the wait before checking anything when this attempt must wait, and counts the outcome.
 * NOTE: the pair's count goes up before the password is checked, in one atomic statement, so that guesses
 * sent all at once cannot all slip in under the limit; a success, or a refusal for another reason, takes
 * it back.
 */
export async function guardSignIn(account: string, address: string, attempt: () => Promise<boolean>): Promise<boolean> {
  const group = addressGroup(address);
  const pair = `${account}|${group}`;
  const reserved = await bucket("pair").penalty(pair);
  if (reserved.consumedPoints > SIGN_IN_LIMITS.pair.points) refuse(reserved.msBeforeNext);
  let ok: boolean;
  try {
    await checkWaits(pair, group);
    ok = await attempt();
  } catch (error) {
    await bucket("pair").reward(pair);
    throw error;
  }
  await (ok ? recordSuccess(pair, group, reserved.consumedPoints > 1) : recordFailure(account, pair, group, reserved.consumedPoints, reserved.msBeforeNext));
  return ok;
}
