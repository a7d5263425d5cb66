import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { taughtBy } from "./access";

/** The classes `user` teaches, newest first, with head counts. */
export async function listTaughtClasses(user: TCurrentUser) {
  return db.class.findMany({
    where: taughtBy(user),
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, term: true, joinCode: true, _count: { select: { members: true, assignments: true } } },
  });
}

/** One class `user` teaches, with its instructors and students; NOT_FOUND for anyone else's class. */
export async function getTaughtClass(user: TCurrentUser, classId: string) {
  const found = await db.class.findFirst({
    where: { id: classId, ...taughtBy(user) },
    select: {
      id: true,
      name: true,
      term: true,
      joinCode: true,
      instructors: {
        orderBy: [{ isOwner: "desc" }, { addedAt: "asc" }],
        select: { isOwner: true, user: { select: { id: true, name: true, email: true } } },
      },
      members: {
        orderBy: { user: { name: "asc" } },
        select: { joinedAt: true, user: { select: { id: true, name: true, email: true, username: true, createdInClassId: true } } },
      },
    },
  });
  if (!found) throw new AppError("NOT_FOUND", "No such class among yours.");
  // Whether this class created the pupil's account (and so may reset its password), not which class did.
  const members = found.members.map(({ joinedAt, user: { createdInClassId, ...u } }) => ({
    joinedAt,
    user: { ...u, createdElsewhere: u.email === null && createdInClassId !== classId },
  }));
  return { ...found, members };
}

/** The class's name only, for headings and breadcrumbs; NOT_FOUND for anyone else's class. */
export async function getTaughtClassName(user: TCurrentUser, classId: string) {
  const found = await db.class.findFirst({ where: { id: classId, ...taughtBy(user) }, select: { id: true, name: true, term: true } });
  if (!found) throw new AppError("NOT_FOUND", "No such class among yours.");
  return found;
}

/** What can be assigned: every published module, and each of its published activities on its own. */
export async function listAssignableItems() {
  return db.module.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { order: "asc" },
    select: {
      id: true,
      title: true,
      activities: { where: { status: "PUBLISHED" }, orderBy: { order: "asc" }, select: { id: true, title: true, kind: true } },
    },
  });
}

/** The classes a student belongs to, with who teaches them. */
export async function listStudentClasses(user: TCurrentUser) {
  return db.classMember.findMany({
    where: { userId: user.id },
    orderBy: { joinedAt: "asc" },
    select: {
      class: {
        select: {
          id: true,
          name: true,
          term: true,
          instructors: { where: { isOwner: true }, select: { user: { select: { name: true } } } },
        },
      },
    },
  });
}
