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
 * Writes one answer unless a save with a number at least as high is already stored for the question:
 * the answer kept is always the one of the highest save number (decision 006), so a replay of an offline
 * queue or a retry never overwrites a later save, and no device's clock decides anything. A save without
 * a number is kept unconditionally and numbered one past the stored one. With `requireOpen`, the write
 * happens only while the attempt is still in progress; `FOR SHARE` makes it wait for a submission in
 * flight, so no answer can land after grading. Returns the save number written, or null when nothing was.
 */
export async function upsertAnswer(tx: TTx, attemptId: string, questionId: string, value: unknown, seq: number | undefined, answeredAt: Date, requireOpen = false) {
  const json = JSON.stringify(value);
  const open = requireOpen ? "IN_PROGRESS" : null;
  const number = seq ?? null;
  const written = await tx.$queryRaw<{ seq: number }[]>`
    INSERT INTO "Answer" ("attemptId", "questionId", "value", "answeredAt", "seq", "updatedAt")
    SELECT ${attemptId}, ${questionId}, ${json}::jsonb, ${answeredAt}, COALESCE(${number}::int, 1), now()
    WHERE ${open}::text IS NULL
       OR EXISTS (SELECT 1 FROM "Attempt" WHERE "id" = ${attemptId} AND "status"::text = ${open}::text FOR SHARE)
    ON CONFLICT ("attemptId", "questionId") DO UPDATE
      SET "value" = EXCLUDED."value", "answeredAt" = EXCLUDED."answeredAt", "updatedAt" = now(),
          "seq" = CASE WHEN ${number}::int IS NULL THEN "Answer"."seq" + 1 ELSE EXCLUDED."seq" END
      WHERE ${number}::int IS NULL OR "Answer"."seq" < EXCLUDED."seq"
    RETURNING "seq"`;
  return written[0]?.seq ?? null;
}

export const ANSWER_KEPT_MESSAGE =
  "A later answer to this question, from another tab or device, was saved after this one, so this one was not saved. The saved answer is shown; change it again if you meant this one.";

/**
 * Autosaves one answer to the caller's own open attempt. Returns the save number now stored. A save that
 * is not kept (a later one is stored, with a different answer) is refused with CONFLICT and the answer
 * kept in `details`, so the tab can tell the learner and show it.
 */
export async function saveAnswer(user: TCurrentUser, input: TSaveAnswerInput) {
  const meta = await getAttemptMeta(input.attemptId);
  if (!meta || meta.userId !== user.id) throw new AppError("NOT_FOUND", "This attempt does not exist or is not yours.");
  const activity = await getActivityDefinition(meta.activityId, meta.activityVersion);
  if (!activity) throw new AppError("NOT_FOUND", "This quiz no longer exists.");
  const value = validateAnswer(activity, input.questionId, input.value);
  const written = await upsertAnswer(db, input.attemptId, input.questionId, value, input.seq, input.answeredAt, true);
  if (written !== null) return { savedAt: new Date().toISOString(), seq: written };
  const open = await db.attempt.count({ where: { id: input.attemptId, status: "IN_PROGRESS" } });
  if (open === 0) throw new AppError("CONFLICT", "This attempt has already been submitted.");
  const [kept] = await db.$queryRaw<{ seq: number; value: unknown; same: boolean }[]>`
    SELECT "seq", "value", "value" = ${JSON.stringify(value)}::jsonb AS "same" FROM "Answer"
    WHERE "attemptId" = ${input.attemptId} AND "questionId" = ${input.questionId}`;
  if (!kept) throw new AppError("CONFLICT", "This attempt has already been submitted.");
  // NOTE: an earlier save of the answer now stored is no loss: what the learner answered is what is kept.
  if (!kept.same) throw new AppError("CONFLICT", ANSWER_KEPT_MESSAGE, { questionId: input.questionId, kept: { value: kept.value, seq: kept.seq } });
  return { savedAt: new Date().toISOString(), seq: kept.seq };
}
