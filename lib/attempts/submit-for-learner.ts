import "server-only";
import type { TCurrentUser } from "@/lib/auth/session";
import { feedbackFor } from "@/lib/assignments/feedback-policy";
import { getAttemptMeta } from "./attempt-meta";
import { submitAttempt } from "./submit-attempt";
import type { TSubmitAttemptInput } from "./schemas";

/**
 * Submits the caller's attempt (exactly once: `submitAttempt`) and answers with what the learner may see
 * of it: the score, unless the feedback decision withholds it (then only that it was submitted).
 */
export async function submitAttemptForLearner(user: TCurrentUser, input: TSubmitAttemptInput) {
  const result = await submitAttempt(user, input);
  const meta = await getAttemptMeta(input.attemptId);
  const feedback = await feedbackFor(user, { activityIds: meta ? [meta.activityId] : [] });
  if (!meta || feedback.withheld(meta.activityId)) return { submitted: true as const };
  return { submitted: true as const, score: result.score, maxScore: result.maxScore };
}
