import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import type { TSetUserDisabledInput, TSetUserRoleInput } from "./schemas";

export const RESET_LINK_HOURS = 24;

function assertAdmin(actor: TCurrentUser) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an admin can manage users.");
}

const userSnapshot = { id: true, name: true, email: true, username: true, role: true, disabledAt: true } as const;

async function findTarget(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: userSnapshot });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return user;
}

/** Changes a user's role and ends their sessions, so the change applies on their next request. Audited. */
export async function setUserRole(actor: TCurrentUser, input: TSetUserRoleInput) {
  assertAdmin(actor);
  if (input.userId === actor.id) throw new AppError("INVALID", "You cannot change your own role.");
  await db.$transaction(async (tx) => {
    const before = await findTarget(tx, input.userId);
    if (before.role === input.role) return;
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, actor, {
      action: "user.role",
      targetType: "User",
      targetId: input.userId,
      summary: `Changed ${before.name}'s role from ${before.role.toLowerCase()} to ${input.role.toLowerCase()}`,
      before: { role: before.role },
      after: { role: input.role },
    });
  });
}

/** Disables (or re-enables) an account; disabling ends its sessions at once. Audited. */
export async function setUserDisabled(actor: TCurrentUser, input: TSetUserDisabledInput) {
  assertAdmin(actor);
  if (input.userId === actor.id) throw new AppError("INVALID", "You cannot disable your own account.");
  await db.$transaction(async (tx) => {
    const before = await findTarget(tx, input.userId);
    if (!!before.disabledAt === input.disabled) return;
    await tx.user.update({
      where: { id: input.userId },
      data: input.disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
    await recordAudit(tx, actor, {
      action: input.disabled ? "user.disable" : "user.enable",
      targetType: "User",
      targetId: input.userId,
      summary: `${input.disabled ? "Disabled" : "Enabled"} ${before.name}'s account`,
      before: { disabled: !!before.disabledAt },
      after: { disabled: input.disabled },
    });
  });
}

/** SHA-256 of a reset token: what the database keeps instead of the token. */
export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A one-time password reset link for a user, valid for 24 hours, shown to the admin once (the app sends no
 * email). Earlier unused links for that user stop working. Audited, without the token.
 */
export async function createPasswordResetLink(actor: TCurrentUser, userId: string): Promise<{ token: string; expiresAt: Date }> {
  assertAdmin(actor);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3_600_000);
  await db.$transaction(async (tx) => {
    const user = await findTarget(tx, userId);
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.passwordResetToken.create({ data: { tokenHash: hashResetToken(token), userId, createdById: actor.id, expiresAt } });
    await recordAudit(tx, actor, {
      action: "user.password-reset-link",
      targetType: "User",
      targetId: userId,
      summary: `Created a password reset link for ${user.name}, valid until ${expiresAt.toISOString()}`,
    });
  });
  return { token, expiresAt };
}
