import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { assertMember, assertTeaches, assertTeachesAssignment } from "@/lib/classes/access";
import { fromZonedInput } from "./dates";
import type { TCreateAssignmentInput, TExtensionInput, TGradeInput, TUpdateAssignmentInput } from "./schemas";

/** Reads the form's wall-clock dates in its time zone; the due date must come after the opening. */
function readDates(input: { opensAt: string; dueAt: string; timeZone: string }) {
  const opensAt = fromZonedInput(input.opensAt, input.timeZone);
  const dueAt = fromZonedInput(input.dueAt, input.timeZone);
  if (!opensAt) throw new AppError("INVALID", "The opening date is not a real date.");
  if (!dueAt) throw new AppError("INVALID", "The due date is not a real date.");
  if (dueAt <= opensAt) throw new AppError("INVALID", "The due date must come after the opening date.");
  return { opensAt, dueAt };
}

/**
 * Sets a module or one activity for a class. NOTE: `FOR SHARE` on the item (and an activity's module)
 * holds off an admin's unpublish until this assignment is saved, and waits for one under way, re-reading
 * the status afterwards: the unpublish then sees the assignment and is refused, or this is.
 */
export async function createAssignment(user: TCurrentUser, input: TCreateAssignmentInput) {
  await assertTeaches(user, input.classId);
  const [kind, id] = input.target.split(":") as ["module" | "activity", string];
  const dates = readDates(input);
  return db.$transaction(async (tx) => {
    const live =
      kind === "module"
        ? await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Module" WHERE "id" = ${id} AND "status" = 'PUBLISHED' FOR SHARE`
        : await tx.$queryRaw<unknown[]>`
            SELECT 1 FROM "Activity" a JOIN "Module" m ON m."id" = a."moduleId"
            WHERE a."id" = ${id} AND a."status" = 'PUBLISHED' AND m."status" = 'PUBLISHED' FOR SHARE`;
    if (live.length === 0) throw new AppError("INVALID", "That module or activity no longer exists or is not published.");
    return tx.assignment.create({
      data: {
        classId: input.classId,
        moduleId: kind === "module" ? id : null,
        activityId: kind === "activity" ? id : null,
        ...dates,
        timeZone: input.timeZone,
        feedback: input.feedback,
        countEarlierAttempts: input.countEarlierAttempts ?? false,
        countRetakesAfterKey: input.countRetakesAfterKey ?? false,
      },
      select: { id: true },
    });
  });
}

export async function updateAssignment(user: TCurrentUser, input: TUpdateAssignmentInput) {
  await assertTeachesAssignment(user, input.assignmentId);
  await db.assignment.update({
    where: { id: input.assignmentId },
    data: {
      ...readDates(input),
      timeZone: input.timeZone,
      feedback: input.feedback,
      countEarlierAttempts: input.countEarlierAttempts,
      countRetakesAfterKey: input.countRetakesAfterKey,
    },
  });
}

/** Removes the assignment; students' attempts stay, they are simply no longer set work. */
export async function deleteAssignment(user: TCurrentUser, assignmentId: string) {
  await assertTeachesAssignment(user, assignmentId);
  await db.assignment.delete({ where: { id: assignmentId } });
}

/** Gives one student of the class a different due date (in the assignment's time zone). */
export async function setExtension(user: TCurrentUser, input: TExtensionInput) {
  const classId = await assertTeachesAssignment(user, input.assignmentId);
  await assertMember(classId, input.studentId);
  const assignment = await db.assignment.findUniqueOrThrow({ where: { id: input.assignmentId }, select: { opensAt: true, timeZone: true } });
  const dueAt = fromZonedInput(input.dueAt, assignment.timeZone);
  if (!dueAt) throw new AppError("INVALID", "The new due date is not a real date.");
  if (dueAt <= assignment.opensAt) throw new AppError("INVALID", "The new due date must come after the opening date.");
  await db.assignmentExtension.upsert({
    where: { assignmentId_userId: { assignmentId: input.assignmentId, userId: input.studentId } },
    create: { assignmentId: input.assignmentId, userId: input.studentId, dueAt },
    update: { dueAt },
  });
}

export async function removeExtension(user: TCurrentUser, assignmentId: string, studentId: string) {
  await assertTeachesAssignment(user, assignmentId);
  await db.assignmentExtension.deleteMany({ where: { assignmentId, userId: studentId } });
}

/** The instructor's comment and score override for one student's item; later attempts never change them. */
export async function saveGrade(user: TCurrentUser, input: TGradeInput) {
  const classId = await assertTeachesAssignment(user, input.assignmentId);
  await assertMember(classId, input.studentId);
  const data = { overrideScore: input.overrideScore, comment: input.comment || null, updatedById: user.id };
  await db.assignmentGrade.upsert({
    where: { assignmentId_userId: { assignmentId: input.assignmentId, userId: input.studentId } },
    create: { assignmentId: input.assignmentId, userId: input.studentId, ...data },
    update: data,
  });
}
