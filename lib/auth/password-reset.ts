import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashResetToken } from "@/lib/users/mutations";
import { addressGroup } from "@/lib/http/client-address";
import { hashPassword } from "./passwords";
import { limiter, MINUTE, refuse, waitFor, type TLimit } from "./rate-limit";

const INVALID_LINK = "This reset link is not valid any more: it was used, replaced or has expired. Ask an admin for a new one.";

/** Who a reset link is for, if it can still be used; null otherwise. */
export async function findResetLink(token: string) {
  if (token.length > 100) return null;
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { name: true, disabledAt: true } } },
  });
  if (!row || row.usedAt || row.expiresAt < new Date() || row.user.disabledAt) return null;
  return { name: row.user.name };
}

/**
 * Reset links have a throttle of their own, apart from sign-ups and sign-ins: only links that do not
 * work count, 10 in 15 minutes per address (an IPv6 address by its /64). A class redeeming the links an
 * admin printed, from one school address, never counts at all.
 */
export const RESET_LINK_LIMIT: TLimit = { points: 10, duration: 15 * MINUTE };

/**
 * Sets a new password through a one-time link: the link is used up, every session of the account ends,
 * and a pending "must change password" is cleared. The claim is a conditional update, so two tabs cannot
 * both use the same link. A link that does not work is refused before the new password is hashed, and
 * counted against `address` (RESET_LINK_LIMIT).
 */
export async function resetPasswordWithLink(token: string, newPassword: string, address: string) {
  const group = addressGroup(address);
  const over = await waitFor("resetLink", RESET_LINK_LIMIT, group);
  if (over !== null) refuse(over);
  const refused = async (): Promise<never> => {
    await limiter("resetLink", RESET_LINK_LIMIT).penalty(group);
    throw new AppError("INVALID", INVALID_LINK);
  };
  if (!(await findResetLink(token))) return refused();
  const passwordHash = await hashPassword(newPassword);
  const used = await db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashResetToken(token), usedAt: null, expiresAt: { gt: new Date() }, user: { disabledAt: null } },
      data: { usedAt: new Date() },
      select: { userId: true },
    });
    if (claimed.length !== 1) return false;
    await tx.user.update({
      where: { id: claimed[0]!.userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    return true;
  });
  if (!used) await refused(); // another tab used it in between
}
