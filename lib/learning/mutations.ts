import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { visible } from "@/lib/content/visibility";
import type { TLessonRef, TRecordLessonVisitInput, TSetLessonCompleteInput } from "./schemas";

/**
 * The id of the lesson these slugs name, if `user` may see it; NOT_FOUND otherwise. NOTE: a draft lesson
 * (or one in a draft module) is not found for learners, so nobody records progress on what they cannot open.
 */
export async function findLessonId(user: TCurrentUser, { moduleSlug, lessonSlug }: TLessonRef): Promise<string> {
  const found = await db.lesson.findFirst({
    where: { slug: lessonSlug, module: { slug: moduleSlug }, ...visible(user).inModule },
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "No such lesson.");
  return found.id;
}

/** Marks a lesson done (or not done) for the caller only. */
export async function setLessonComplete(user: TCurrentUser, input: TSetLessonCompleteInput) {
  const lessonId = await findLessonId(user, input);
  const completedAt = input.completed ? new Date() : null;
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId: user.id, lessonId } },
    create: { userId: user.id, lessonId, completedAt, lastVisitedAt: new Date() },
    update: { completedAt },
  });
}

/** Remembers that the caller is reading this lesson and how far they got, to bring them back there. */
export async function recordLessonVisit(user: TCurrentUser, input: TRecordLessonVisitInput) {
  const lessonId = await findLessonId(user, input);
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId: user.id, lessonId } },
    create: { userId: user.id, lessonId, position: input.position },
    update: { position: input.position, lastVisitedAt: new Date() },
  });
}
