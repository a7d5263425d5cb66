import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/passwords";
import type { TCurrentUser } from "@/lib/auth/session";
import { assertTeaches } from "./access";
import type { TCreateStudentAccountsInput } from "./schemas";
import type { TStudentAccount } from "./student-account-types";
import { generateOneTimePassword, pickUsername, usernameStem } from "./usernames";

/** Unique usernames for `names`, checked against every existing username with the same stems in one query. */
async function chooseUsernames(names: string[]): Promise<string[]> {
  const stems = names.map(usernameStem);
  const existing = await db.user.findMany({
    where: { OR: [...new Set(stems)].map((stem) => ({ username: { startsWith: stem } })) },
    select: { username: true },
  });
  const taken = new Set(existing.map((u) => u.username!));
  return stems.map((stem) => {
    const username = pickUsername(stem, taken);
    taken.add(username);
    return username;
  });
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Creates a student account for each name, with a username and a one-time password, and adds them to the
 * class. The plain passwords are returned to this caller only: they are stored as argon2 hashes and cannot
 * be shown again. The students must choose their own password when they first sign in.
 */
export async function createStudentAccounts(user: TCurrentUser, input: TCreateStudentAccountsInput): Promise<TStudentAccount[]> {
  await assertTeaches(user, input.classId);
  const passwords = input.names.map(() => generateOneTimePassword());
  // NOTE: about 50 ms each; in parallel, 60 of them take a fraction of what they would one by one.
  const hashes = await Promise.all(passwords.map(hashPassword));
  for (let attempt = 0; ; attempt++) {
    const usernames = await chooseUsernames(input.names);
    try {
      await db.$transaction(async (tx) => {
        const created = await tx.user.createManyAndReturn({
          data: input.names.map((name, i) => ({
            name,
            username: usernames[i]!,
            email: null,
            passwordHash: hashes[i]!,
            role: "STUDENT" as const,
            mustChangePassword: true,
            createdInClassId: input.classId,
          })),
          select: { id: true },
        });
        await tx.classMember.createMany({ data: created.map(({ id }) => ({ classId: input.classId, userId: id })) });
      });
      return input.names.map((name, i) => ({ name, username: usernames[i]!, password: passwords[i]! }));
    } catch (error) {
      // Someone took one of these usernames since we looked: choose again.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/** Why an instructor cannot reset a pupil's password from a class other than the one that created the account. */
export const CREATED_ELSEWHERE_MESSAGE =
  "This pupil's account was created by another class: only that class's instructors, or an admin (with a reset link), can give them a new password.";

/**
 * The class's accounts without email, for the accounts page: `accounts`, the pupils this class created,
 * whose passwords its instructors may reset; `createdElsewhere`, members without email whose account
 * another class created (they joined this one by code), listed only so the page can say why it offers no reset.
 */
export async function listStudentAccounts(user: TCurrentUser, classId: string) {
  await assertTeaches(user, classId);
  const members = await db.classMember.findMany({
    where: { classId, user: { email: null, username: { not: null } } },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true, username: true, mustChangePassword: true, createdInClassId: true } } },
  });
  const users = members.map(({ user: u }) => ({ ...u, username: u.username! }));
  return {
    accounts: users.filter((u) => u.createdInClassId === classId).map(({ id, name, username, mustChangePassword }) => ({ id, name, username, mustChangePassword })),
    createdElsewhere: users.filter((u) => u.createdInClassId !== classId).map(({ id, name, username }) => ({ id, name, username })),
  };
}

/**
 * Gives a pupil without email, whose account this class created and who is still in it, a new one-time
 * password, returned once, and ends their sessions. NOTE: only the creating class: a pupil who joined
 * another class by code must not have their password (and sessions) taken over by that class's
 * instructor; FORBIDDEN with a message saying who can help (an admin's reset link stays the fallback).
 * Students with an email address reset their password themselves (or through an admin).
 */
export async function resetStudentPassword(user: TCurrentUser, classId: string, studentId: string): Promise<TStudentAccount> {
  await assertTeaches(user, classId);
  const member = await db.classMember.findUnique({
    where: { classId_userId: { classId, userId: studentId } },
    select: { user: { select: { name: true, email: true, username: true, role: true, createdInClassId: true } } },
  });
  if (!member) throw new AppError("NOT_FOUND", "That student is not in this class.");
  const { name, email, username, role, createdInClassId } = member.user;
  if (email !== null || username === null || role !== "STUDENT") {
    throw new AppError("INVALID", "Only accounts without email, created for this class, can be given a one-time password here.");
  }
  if (createdInClassId !== classId) throw new AppError("FORBIDDEN", CREATED_ELSEWHERE_MESSAGE);
  const password = generateOneTimePassword();
  // The same conditions again in the write itself, so that nothing checked above can have changed in between.
  const { count } = await db.user.updateMany({
    where: { id: studentId, email: null, role: "STUDENT", createdInClassId: classId, classes: { some: { classId } } },
    data: { passwordHash: await hashPassword(password), mustChangePassword: true, sessionVersion: { increment: 1 } },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "That student is not in this class.");
  return { name, username, password };
}
