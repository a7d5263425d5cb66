import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";

/** Every account, newest first, for the admin's user list. */
export async function listUsersForAdmin(actor: TCurrentUser) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an admin can list users.");
  return db.user.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, email: true, username: true, role: true, disabledAt: true, createdAt: true },
    take: 500,
  });
}
