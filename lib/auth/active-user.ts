import "server-only";
import { primaryPool } from "@/lib/db";
import { lostDatabaseConnection } from "@/lib/db-errors";
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
 * NOTE: straight to the pool, not through Prisma: this runs on every request, lesson pages served from
 * memory included (docs/decisions/012), and Prisma's work per query cost more than the query itself.
 */
export async function findActiveUser(uid: unknown, sessionVersion: unknown): Promise<TActiveUser | null> {
  if (typeof uid !== "string" || typeof sessionVersion !== "number") return null;
  const { rows } = await primaryPool()
    .query<TActiveUser>({
      name: "find-active-user",
      text: `SELECT "id", "email", "username", "name", "role"::text AS "role", "mustChangePassword" FROM "User"
      WHERE "id" = $1 AND "disabledAt" IS NULL AND "sessionVersion" = $2`,
      values: [uid, sessionVersion],
    })
    .catch((error: unknown) => {
      throw lostDatabaseConnection(error);
    });
  return rows[0] ?? null;
}
