import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "./passwords";
import type { TSignUpInput } from "./schemas";

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

export async function getRoleByEmail(email: string) {
  return (await db.user.findUnique({ where: { email }, select: { role: true } }))?.role ?? null;
}
