"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { z } from "zod";

const ZStartInput = z.object({ moduleSlug: z.string().max(100), activitySlug: z.string().max(100) });

/** Starts a new attempt (a retake) and opens it. */
export async function retakeAction(formData: FormData) {
  const user = await requireUser("STUDENT", "INSTRUCTOR", "ADMIN");
  const { moduleSlug, activitySlug } = ZStartInput.parse(Object.fromEntries(formData));
  await startOrResumeAttempt(user, activitySlug);
  redirect(`/learn/${moduleSlug}/activities/${activitySlug}`);
}
