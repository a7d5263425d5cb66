import { randomBytes } from "node:crypto";
import type { TCurrentUser } from "@/lib/auth/session";
import { createAssignment } from "@/lib/assignments/mutations";
import { createClass, joinClassByCode } from "@/lib/classes/mutations";
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

/**
 * A teacher's class with one student who joined by its code, and the course's September 2023 quiz
 * assigned to it with `feedback`, opening and due at the given moments (UTC).
 */
export async function classWithQuizAssigned(feedback: "IMMEDIATE" | "AFTER_DUE" | "NEVER", opensAt: Date, dueAt: Date) {
  const teacher = await createUser("INSTRUCTOR");
  const student = await createUser("STUDENT");
  const { id: classId } = await createClass(teacher, { name: "10B", term: "Autumn" });
  const { joinCode } = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
  await joinClassByCode(student, joinCode!);
  const quiz = await db.activity.findUniqueOrThrow({ where: { slug: "september-2023-quiz" }, select: { id: true } });
  const local = (d: Date) => d.toISOString().slice(0, 16);
  const { id: assignmentId } = await createAssignment(teacher, {
    classId,
    target: `activity:${quiz.id}`,
    opensAt: local(opensAt),
    dueAt: local(dueAt),
    timeZone: "UTC",
    feedback,
  });
  return { teacher, student, classId, assignmentId, quizId: quiz.id };
}
