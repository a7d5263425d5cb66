import { randomBytes } from "node:crypto";
import type { TCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/** A real user row with unique data, returned as the caller object lib functions expect. */
export async function createUser(role: Role = "STUDENT"): Promise<TCurrentUser> {
  const tag = randomBytes(4).toString("hex");
  return db.user.create({
    data: { email: `it-${tag}@example.test`, name: `User ${tag}`, passwordHash: "not-used", role },
    select: { id: true, email: true, username: true, name: true, role: true, mustChangePassword: true },
  });
}

export { db };
