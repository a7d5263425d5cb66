import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TActivity } from "@/lib/content/activity-schema";
import { gradeActivity } from "@/lib/grading/grade-attempt";
import type { TActivityResult } from "@/lib/grading/feedback";
import { getActivityDefinition, getSourceBodies } from "@/lib/content/activity-cache";
import { getAttemptMeta } from "./attempt-meta";
import { upsertAnswer, validateAnswer } from "./save-answer";
import type { TSubmitAttemptInput } from "./schemas";

/**
 * Grades the caller's attempt exactly once. The first request flips the attempt from IN_PROGRESS to
 * SUBMITTED inside a transaction (a conditional update, so two concurrent requests cannot both win),
 * saves the answers it carries, and grades. A repeated request (double click, second tab, retry after a
 * dropped connection) finds it submitted and gets the same result back.
 */
export async function submitAttempt(user: TCurrentUser, input: TSubmitAttemptInput): Promise<TActivityResult> {
  const meta = await getAttemptMeta(input.attemptId);
  if (!meta || meta.userId !== user.id) throw new AppError("NOT_FOUND", "This attempt does not exist or is not yours.");
  const activity = await getActivityDefinition(meta.activityId, meta.activityVersion);
  if (!activity) throw new AppError("NOT_FOUND", "This quiz no longer exists.");
  const bodies = await getSourceBodies(sourcesOf(activity));

  // NOTE: raw SQL inside the transaction: submission is the hottest write path, and these statements
  // cost a third of the CPU of the equivalent model queries.
  return db.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      UPDATE "Attempt" SET "status" = 'SUBMITTED', "openSlot" = NULL, "submittedAt" = now(), "updatedAt" = now()
      WHERE "id" = ${input.attemptId} AND "userId" = ${user.id} AND "status" = 'IN_PROGRESS'`;
    if (claimed === 0) {
      const done = await tx.attempt.findFirst({ where: { id: input.attemptId, userId: user.id }, select: { result: true } });
      if (!done?.result) throw new AppError("NOT_FOUND", "This attempt does not exist or is not yours.");
      return done.result as TActivityResult;
    }
    for (const a of input.answers) {
      // NOTE: an unreadable answer is skipped, not fatal: the stored (autosaved) one, if any, is graded.
      try {
        await upsertAnswer(tx, input.attemptId, a.questionId, validateAnswer(activity, a.questionId, a.value), a.seq, a.answeredAt);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    const answers = await tx.$queryRaw<{ questionId: string; value: unknown }[]>`
      SELECT "questionId", "value" FROM "Answer" WHERE "attemptId" = ${input.attemptId}`;
    const result = gradeActivity(activity, Object.fromEntries(answers.map((a) => [a.questionId, a.value])), bodies);
    await tx.$executeRaw`
      UPDATE "Attempt" SET "score" = ${result.score}, "maxScore" = ${result.maxScore}, "result" = ${JSON.stringify(result)}::jsonb
      WHERE "id" = ${input.attemptId}`;
    return result;
  });
}

function sourcesOf(activity: TActivity): Set<string> {
  const slugs = new Set<string>(activity.sources);
  for (const q of activity.questions) if ("source" in q && typeof q.source === "string") slugs.add(q.source);
  return slugs;
}
