import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TSetUserDisabledInput, TSetUserRoleInput } from "./schemas";

function assertAdmin(actor: TCurrentUser) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an admin can manage users.");
}

/** Changes a user's role and ends their sessions, so the change applies on their next request. */
export async function setUserRole(actor: TCurrentUser, input: TSetUserRoleInput) {
  assertAdmin(actor);
  if (input.userId === actor.id) throw new AppError("INVALID", "You cannot change your own role.");
  await db.user.update({
    where: { id: input.userId },
    data: { role: input.role, sessionVersion: { increment: 1 } },
  });
}

/** Disables (or re-enables) an account; disabling ends its sessions at once. */
export async function setUserDisabled(actor: TCurrentUser, input: TSetUserDisabledInput) {
  assertAdmin(actor);
  if (input.userId === actor.id) throw new AppError("INVALID", "You cannot disable your own account.");
  await db.user.update({
    where: { id: input.userId },
    data: input.disabled
      ? { disabledAt: new Date(), sessionVersion: { increment: 1 } }
      : { disabledAt: null },
  });
}
