import type { NextRequest } from "next/server";
import { handleApi, LEARNER_ROLES } from "@/lib/api-route";
import { saveAnswer } from "@/lib/attempts/save-answer";
import { ZSaveAnswerInput } from "@/lib/attempts/schemas";

/**
 * Autosave of one answer. NOTE: a route handler rather than a server action because the browser's
 * offline queue replays it with plain fetch (and keepalive when the page closes); see decision 006.
 */
export async function PUT(request: NextRequest, { params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  return handleApi(request, LEARNER_ROLES, 64 * 1024, (user, body) => saveAnswer(user, ZSaveAnswerInput.parse({ ...(body as object), attemptId })));
}
