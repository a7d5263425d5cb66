import type { NextRequest } from "next/server";
import { handleApi, LEARNER_ROLES } from "@/lib/api-route";
import { ZSubmitAttemptInput } from "@/lib/attempts/schemas";
import { submitAttemptForLearner } from "@/lib/attempts/submit-for-learner";

/** Submits and grades an attempt, exactly once however often it is called (decision 006). */
export async function POST(request: NextRequest, { params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  return handleApi(request, LEARNER_ROLES, 1024 * 1024, (user, body) =>
    submitAttemptForLearner(user, ZSubmitAttemptInput.parse({ ...(body as object), attemptId })),
  );
}
