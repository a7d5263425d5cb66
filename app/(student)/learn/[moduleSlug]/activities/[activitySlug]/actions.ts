"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import type { TFormState } from "@/lib/auth/form-state";
import { AppError } from "@/lib/errors";
import { z } from "zod";

// Slugs only: they go into the redirect's URL (a NUL or a newline there was a 500).
const ZSlug = z.string().regex(/^[a-z0-9-]{1,100}$/);
const ZStartInput = z.object({ moduleSlug: ZSlug, activitySlug: ZSlug });

/**
 * Starts a new attempt (a retake) and opens it. Malformed slugs, or an activity the caller can no longer
 * see (unpublished since the page was opened), get a message shown beside the button, not a thrown error
 * (a 500). NOTE: not notFound(): Next would render the page posted from with the 404, and the activity
 * page starts an attempt when rendered.
 */
export async function retakeAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const user = await requireUser("STUDENT", "INSTRUCTOR", "ADMIN");
  const parsed = ZStartInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "No such quiz or exercise." };
  const { moduleSlug, activitySlug } = parsed.data;
  try {
    await startOrResumeAttempt(user, activitySlug);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect(`/learn/${moduleSlug}/activities/${activitySlug}`);
}
