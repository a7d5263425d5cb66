import type { NextRequest } from "next/server";
import { handleApi, LEARNER_ROLES } from "@/lib/api-route";
import { ZSubmitAttemptInput } from "@/lib/attempts/schemas";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import { getWithheldFeedback } from "@/lib/assignments/feedback-policy";
import { getAttemptMeta } from "@/lib/attempts/attempt-meta";

/** Submits and grades an attempt, exactly once however often it is called (decision 006). */
export async function POST(request: NextRequest, { params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  return handleApi(request, LEARNER_ROLES, 1024 * 1024, async (user, body) => {
    const result = await submitAttempt(user, ZSubmitAttemptInput.parse({ ...(body as object), attemptId }));
    // The score waits too when the class's teacher shows feedback after the due date or never.
    const withheld = await getWithheldFeedback(user.id);
    const meta = await getAttemptMeta(attemptId);
    if (meta && withheld.has(meta.activityId)) return { submitted: true };
    return { submitted: true, score: result.score, maxScore: result.maxScore };
  });
}
