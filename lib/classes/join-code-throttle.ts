import "server-only";
import { limiter, MINUTE, refuse, waitFor, type TLimit } from "@/lib/auth/rate-limit";
import { addressGroup } from "@/lib/http/client-address";

/**
 * Join codes are short enough to be read off a board (about 590 million of them), so guessing is
 * throttled. Only wrong codes count: 10 in 15 minutes per account, 100 in 15 minutes per address (an
 * IPv6 address by its /64), then the rest of the 15 minutes is refused, and the message says how long.
 * A class of 30 typing its code wrong once each, from one school address, stays far below both.
 */
export const JOIN_CODE_LIMITS = {
  account: { points: 10, duration: 15 * MINUTE },
  address: { points: 100, duration: 15 * MINUTE },
} as const satisfies Record<string, TLimit>;

const keys = (userId: string, address: string | undefined) =>
  [
    ["joinCode.account", JOIN_CODE_LIMITS.account, userId],
    ...(address === undefined ? [] : [["joinCode.address", JOIN_CODE_LIMITS.address, addressGroup(address)] as const]),
  ] as const;

/** Refuses (RATE_LIMITED, with the wait) before the code is looked up when this account or address guessed too often. */
export async function checkJoinCodeGuess(userId: string, address: string | undefined) {
  for (const [name, limit, key] of keys(userId, address)) {
    const wait = await waitFor(name, limit, key);
    if (wait !== null) refuse(wait);
  }
}

/** Counts one wrong code against the account and the address. */
export async function recordWrongJoinCode(userId: string, address: string | undefined) {
  await Promise.all(keys(userId, address).map(([name, limit, key]) => limiter(name, limit).penalty(key)));
}
