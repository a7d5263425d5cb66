"use server";

import { toActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { recordLessonVisit, setLessonComplete } from "@/lib/learning/mutations";
import { getLessonProgress } from "@/lib/learning/queries";
import { ZLessonRef, ZRecordLessonVisitInput, ZSetLessonCompleteInput } from "@/lib/learning/schemas";

const LEARNERS = ["STUDENT", "INSTRUCTOR", "ADMIN"] as const;

export async function setLessonCompleteAction(input: unknown) {
  return toActionResult(async () => {
    const user = await requireUser(...LEARNERS);
    await setLessonComplete(user, ZSetLessonCompleteInput.parse(input));
  });
}

export async function recordLessonVisitAction(input: unknown) {
  return toActionResult(async () => {
    const user = await requireUser(...LEARNERS);
    await recordLessonVisit(user, ZRecordLessonVisitInput.parse(input));
  });
}

/** The caller's progress on a lesson, for the cached lesson page. */
export async function getLessonProgressAction(input: unknown) {
  return toActionResult(async () => {
    const user = await requireUser(...LEARNERS);
    return getLessonProgress(user, ZLessonRef.parse(input));
  });
}
