import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TRecordLessonVisitInput, TSetLessonCompleteInput } from "./schemas";

async function assertLessonExists(lessonId: string) {
  const found = await db.lesson.findUnique({ where: { id: lessonId }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "No such lesson.");
}

/** Marks a lesson done (or not done) for the caller only. */
export async function setLessonComplete(user: TCurrentUser, input: TSetLessonCompleteInput) {
  await assertLessonExists(input.lessonId);
  const completedAt = input.completed ? new Date() : null;
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId: user.id, lessonId: input.lessonId } },
    create: { userId: user.id, lessonId: input.lessonId, completedAt, lastVisitedAt: new Date() },
    update: { completedAt },
  });
}

/** Remembers that the caller is reading this lesson and how far they got, to bring them back there. */
export async function recordLessonVisit(user: TCurrentUser, input: TRecordLessonVisitInput) {
  await assertLessonExists(input.lessonId);
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId: user.id, lessonId: input.lessonId } },
    create: { userId: user.id, lessonId: input.lessonId, position: input.position },
    update: { position: input.position, lastVisitedAt: new Date() },
  });
}
