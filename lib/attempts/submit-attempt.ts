import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TActivity } from "@/lib/content/activity-schema";
import { gradeActivity } from "@/lib/grading/grade-attempt";
import type { TActivityResult } from "@/lib/grading/feedback";
import { upsertAnswer, validateAnswer } from "./save-answer";
import type { TSubmitAttemptInput } from "./schemas";

/**
 * Grades the caller's attempt exactly once. The first request flips the attempt from IN_PROGRESS to
 * SUBMITTED inside a transaction (a conditional update, so two concurrent requests cannot both win),
 * saves the answers it carries, and grades. A repeated request (double click, second tab, retry after a
 * dropped connection) finds it submitted and gets the same result back.
 */
export async function submitAttempt(user: TCurrentUser, input: TSubmitAttemptInput): Promise<TActivityResult> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.attempt.updateMany({
      where: { id: input.attemptId, userId: user.id, status: "IN_PROGRESS" },
      data: { status: "SUBMITTED", openSlot: null, submittedAt: new Date() },
    });
    const attempt = await tx.attempt.findFirst({
      where: { id: input.attemptId, userId: user.id },
      select: { result: true, activity: { select: { definition: true } } },
    });
    if (!attempt) throw new AppError("NOT_FOUND", "This attempt does not exist or is not yours.");
    if (claimed.count === 0) return attempt.result as TActivityResult;

    const activity = attempt.activity.definition as TActivity;
    for (const a of input.answers) {
      // NOTE: an unreadable answer is skipped, not fatal: the stored (autosaved) one, if any, is graded.
      try {
        await upsertAnswer(tx, input.attemptId, a.questionId, validateAnswer(activity, a.questionId, a.value), a.answeredAt);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    const answers = await tx.answer.findMany({ where: { attemptId: input.attemptId }, select: { questionId: true, value: true } });
    const bodies = await sourceBodies(tx, activity);
    const result = gradeActivity(activity, Object.fromEntries(answers.map((a) => [a.questionId, a.value])), bodies);
    await tx.attempt.update({
      where: { id: input.attemptId },
      data: { score: result.score, maxScore: result.maxScore, result },
    });
    return result;
  });
}

async function sourceBodies(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], activity: TActivity) {
  const slugs = new Set<string>(activity.sources);
  for (const q of activity.questions) if ("source" in q && typeof q.source === "string") slugs.add(q.source);
  const rows = await tx.source.findMany({ where: { slug: { in: [...slugs] } }, select: { slug: true, body: true } });
  return Object.fromEntries(rows.map((r) => [r.slug, r.body]));
}
