import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TCurrentUser } from "@/lib/auth/session";
import { assertMember, assertTeaches } from "./access";
import { generateJoinCode, JOIN_CODE_LENGTH, normalizeJoinCode } from "./join-code";
import { checkJoinCodeGuess, recordWrongJoinCode } from "./join-code-throttle";
import type { TClassFields } from "./schemas";

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Runs `write` with a fresh join code, trying another code on the (rare) collision. */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || i >= 4) throw error;
    }
  }
}

function assertInstructor(user: TCurrentUser) {
  if (user.role !== "INSTRUCTOR" && user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only instructors manage classes.");
}

/** Creates a class owned by `user`, with a join code switched on. */
export async function createClass(user: TCurrentUser, fields: TClassFields) {
  assertInstructor(user);
  return withFreshCode((joinCode) =>
    db.class.create({
      data: { ...fields, joinCode, instructors: { create: { userId: user.id, isOwner: true } } },
      select: { id: true },
    }),
  );
}

export async function updateClass(user: TCurrentUser, classId: string, fields: TClassFields) {
  await assertTeaches(user, classId);
  await db.class.update({ where: { id: classId }, data: fields });
}

/** A new code (the old one stops working), or none: joining by code is then off. */
export async function setJoinCode(user: TCurrentUser, classId: string, enabled: boolean) {
  await assertTeaches(user, classId);
  if (!enabled) {
    await db.class.update({ where: { id: classId }, data: { joinCode: null } });
    return;
  }
  await withFreshCode((joinCode) => db.class.update({ where: { id: classId }, data: { joinCode } }));
}

/**
 * Adds an instructor account (by email) as co-instructor with the same rights. Someone who already teaches
 * the class (its owner, the caller, a co-instructor) is refused with a CONFLICT saying so, not "added" again.
 */
export async function addCoInstructor(user: TCurrentUser, classId: string, email: string) {
  await assertTeaches(user, classId);
  const other = await db.user.findUnique({ where: { email }, select: { id: true, role: true, disabledAt: true } });
  if (!other || other.disabledAt || (other.role !== "INSTRUCTOR" && other.role !== "ADMIN")) {
    throw new AppError("INVALID", "There is no instructor account with that email. Ask an admin to make their account an instructor first.");
  }
  try {
    await db.classInstructor.create({ data: { classId, userId: other.id } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("CONFLICT", other.id === user.id ? "You already teach this class." : `${email} already teaches this class.`);
  }
}

/** Removes a co-instructor; the owner cannot be removed. */
export async function removeCoInstructor(user: TCurrentUser, classId: string, instructorId: string) {
  await assertTeaches(user, classId);
  const { count } = await db.classInstructor.deleteMany({ where: { classId, userId: instructorId, isOwner: false } });
  if (count === 0) throw new AppError("INVALID", "Only a co-instructor can be removed; the class owner stays.");
}

/** Takes a student out of the class. Their attempts stay theirs; only the class's view of them goes. */
export async function removeStudent(user: TCurrentUser, classId: string, studentId: string) {
  await assertTeaches(user, classId);
  await assertMember(classId, studentId);
  await db.$transaction([
    db.assignmentExtension.deleteMany({ where: { userId: studentId, assignment: { classId } } }),
    db.classMember.deleteMany({ where: { classId, userId: studentId } }),
  ]);
}

/**
 * Joins the caller to the class whose code this is. Joining twice is harmless. Wrong codes are throttled
 * per account and, given the request's `address` (the join action always passes it), per address
 * (lib/classes/join-code-throttle.ts).
 */
export async function joinClassByCode(user: TCurrentUser, rawCode: string, address?: string) {
  await checkJoinCodeGuess(user.id, address);
  const code = normalizeJoinCode(rawCode);
  const found =
    code.length === JOIN_CODE_LENGTH
      ? await db.class.findUnique({ where: { joinCode: code }, select: { id: true, name: true } })
      : null;
  if (!found) {
    await recordWrongJoinCode(user.id, address);
    throw new AppError("INVALID", "No class has that code. Check it with your teacher: codes look like K7M-Q2P.");
  }
  await db.classMember.upsert({
    where: { classId_userId: { classId: found.id, userId: user.id } },
    create: { classId: found.id, userId: user.id },
    update: {},
  });
  return found;
}
