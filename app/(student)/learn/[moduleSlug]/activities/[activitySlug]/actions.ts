"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { AppError } from "@/lib/errors";
import { z } from "zod";

// Slugs only: they go into the redirect's URL (a NUL or a newline there was a 500).
const ZSlug = z.string().regex(/^[a-z0-9-]{1,100}$/);
const ZStartInput = z.object({ moduleSlug: ZSlug, activitySlug: ZSlug });

/** Starts a new attempt (a retake) and opens it; an activity that does not exist (or is hidden from the caller) is a 404. */
export async function retakeAction(formData: FormData) {
  const user = await requireUser("STUDENT", "INSTRUCTOR", "ADMIN");
  const parsed = ZStartInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { moduleSlug, activitySlug } = parsed.data;
  try {
    await startOrResumeAttempt(user, activitySlug);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  redirect(`/learn/${moduleSlug}/activities/${activitySlug}`);
}
