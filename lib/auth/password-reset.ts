import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashResetToken } from "@/lib/users/mutations";
import { hashPassword } from "./passwords";

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
 * Sets a new password through a one-time link: the link is used up, every session of the account ends,
 * and a pending "must change password" is cleared. The claim is a conditional update, so two tabs cannot
 * both use the same link.
 */
export async function resetPasswordWithLink(token: string, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashResetToken(token), usedAt: null, expiresAt: { gt: new Date() }, user: { disabledAt: null } },
      data: { usedAt: new Date() },
      select: { userId: true },
    });
    if (claimed.length !== 1) throw new AppError("INVALID", INVALID_LINK);
    await tx.user.update({
      where: { id: claimed[0]!.userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
  });
}
