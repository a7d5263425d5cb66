import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "./passwords";

/**
 * The account a login (email or username) and password open, or null: unknown, wrong password or
 * disabled alike, after the same work (a dummy hash is verified for an unknown login).
 */
export async function verifyCredentials(login: string, password: string) {
  const user = await db.user.findUnique({
    where: login.includes("@") ? { email: login } : { username: login },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
