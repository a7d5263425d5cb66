import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "./passwords";
import { guardSignIn } from "./sign-in-throttle";
import type { TChangePasswordInput, TSignUpInput } from "./schemas";

/** Creates a student account. Everyone signs up as a student; only an admin grants other roles. */
export async function createStudentAccount(input: TSignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: "STUDENT" },
      select: { id: true, role: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}

/** Ends every session of this user: a token minted before this call no longer matches. */
export async function endAllSessions(userId: string) {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** The role and password state of the account a login (email or username) names. */
export async function getAccountByLogin(login: string) {
  return db.user.findUnique({
    where: login.includes("@") ? { email: login } : { username: login },
    select: { role: true, mustChangePassword: true },
  });
}

/**
 * Replaces the caller's password after checking the current one, clears "must change", and ends every
 * other session (the caller signs in again with the new password). Guessing the current password here is
 * throttled like guessing it at sign-in (lib/auth/sign-in-throttle.ts), from the caller's `address`.
 */
export async function changeOwnPassword(userId: string, input: TChangePasswordInput, address: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  const right = await guardSignIn(`user:${userId}`, address, async () => !!user && (await verifyPassword(user.passwordHash, input.currentPassword)));
  if (!user || !right) throw new AppError("INVALID", "Your current password is not right.");
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, sessionVersion: { increment: 1 } },
  });
}
