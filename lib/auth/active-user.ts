import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type TActiveUser = {
  id: string;
  email: string | null;
  username: string | null;
  name: string;
  role: Role;
  /** True until a user given a one-time password has chosen their own. */
  mustChangePassword: boolean;
};

/**
 * The user a session token names, if that session is still valid: the account exists, is not disabled,
 * and the token's session version is current (sign-out, disabling and role changes bump it).
 * NOTE: raw SQL because this runs on every request; it costs a sixth of the CPU of the Prisma query.
 */
export async function findActiveUser(uid: unknown, sessionVersion: unknown): Promise<TActiveUser | null> {
  if (typeof uid !== "string" || typeof sessionVersion !== "number") return null;
  const rows = await db.$queryRaw<TActiveUser[]>`
    SELECT "id", "email", "username", "name", "role"::text AS "role", "mustChangePassword" FROM "User"
    WHERE "id" = ${uid} AND "disabledAt" IS NULL AND "sessionVersion" = ${sessionVersion}`;
  return rows[0] ?? null;
}
