import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TActivity } from "@/lib/content/activity-schema";
import { parseAnswerFor } from "@/lib/content/answer-schema";
import { getActivityDefinition } from "@/lib/content/activity-cache";
import { getAttemptMeta } from "./attempt-meta";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSaveAnswerInput } from "./schemas";

type TTx = Prisma.TransactionClient | typeof db;

/** Checks an answer against its question's shape; throws INVALID with a message a learner can act on. */
export function validateAnswer(activity: TActivity, questionId: string, value: unknown) {
  const question = activity.questions.find((q) => q.id === questionId);
  if (!question) throw new AppError("INVALID", "This question is not part of the quiz.");
  const parsed = parseAnswerFor(question.type, value);
  if (!parsed) throw new AppError("INVALID", "That answer could not be read. Please answer again.");
  return parsed;
}

/**
 * Writes one answer unless a newer one (by the learner's clock) is already stored: replays of an
 * offline queue, retries and a second tab all converge on the latest answer. With `requireOpen`, the
 * write happens only while the attempt is still in progress; `FOR SHARE` makes it wait for a submission
 * in flight, so no answer can land after grading. Returns whether the attempt accepted it.
 */
export async function upsertAnswer(tx: TTx, attemptId: string, questionId: string, value: unknown, answeredAt: Date, requireOpen = false) {
  const json = JSON.stringify(value);
  const open = requireOpen ? "IN_PROGRESS" : null;
  const written = await tx.$executeRaw`
    INSERT INTO "Answer" ("attemptId", "questionId", "value", "answeredAt", "updatedAt")
    SELECT ${attemptId}, ${questionId}, ${json}::jsonb, ${answeredAt}, now()
    WHERE ${open}::text IS NULL
       OR EXISTS (SELECT 1 FROM "Attempt" WHERE "id" = ${attemptId} AND "status"::text = ${open}::text FOR SHARE)
    ON CONFLICT ("attemptId", "questionId") DO UPDATE
      SET "value" = EXCLUDED."value", "answeredAt" = EXCLUDED."answeredAt", "updatedAt" = now()
      WHERE "Answer"."answeredAt" <= EXCLUDED."answeredAt"`;
  return written;
}

/** Autosaves one answer to the caller's own open attempt. */
export async function saveAnswer(user: TCurrentUser, input: TSaveAnswerInput) {
  const meta = await getAttemptMeta(input.attemptId);
  if (!meta || meta.userId !== user.id) throw new AppError("NOT_FOUND", "This attempt does not exist or is not yours.");
  const activity = await getActivityDefinition(meta.activityId, meta.activityVersion);
  if (!activity) throw new AppError("NOT_FOUND", "This quiz no longer exists.");
  const value = validateAnswer(activity, input.questionId, input.value);
  const written = await upsertAnswer(db, input.attemptId, input.questionId, value, input.answeredAt, true);
  if (written === 0) {
    // Either a newer answer is already stored (fine: the latest wins) or the attempt was submitted.
    const open = await db.attempt.count({ where: { id: input.attemptId, status: "IN_PROGRESS" } });
    if (open === 0) throw new AppError("CONFLICT", "This attempt has already been submitted.");
  }
  return { savedAt: new Date().toISOString() };
}
