import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";

/** The `where` that limits classes to those the user teaches (owns or co-teaches). */
export const taughtBy = (user: TCurrentUser) => ({ instructors: { some: { userId: user.id } } });

/**
 * Throws NOT_FOUND unless `user` teaches class `classId`. NOT_FOUND rather than FORBIDDEN: another
 * instructor's class is not even confirmed to exist.
 */
export async function assertTeaches(user: TCurrentUser, classId: string) {
  if (user.role !== "INSTRUCTOR" && user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only instructors manage classes.");
  const found = await db.class.findFirst({ where: { id: classId, ...taughtBy(user) }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "No such class among yours.");
}

/** Throws NOT_FOUND unless `user` teaches the class assignment `assignmentId` belongs to; returns its class id. */
export async function assertTeachesAssignment(user: TCurrentUser, assignmentId: string): Promise<string> {
  if (user.role !== "INSTRUCTOR" && user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only instructors manage assignments.");
  const found = await db.assignment.findFirst({ where: { id: assignmentId, class: taughtBy(user) }, select: { classId: true } });
  if (!found) throw new AppError("NOT_FOUND", "No such assignment in your classes.");
  return found.classId;
}

/** Throws NOT_FOUND unless `studentId` is a member of class `classId`. */
export async function assertMember(classId: string, studentId: string) {
  const found = await db.classMember.findUnique({ where: { classId_userId: { classId, userId: studentId } }, select: { userId: true } });
  if (!found) throw new AppError("NOT_FOUND", "That student is not in this class.");
}
