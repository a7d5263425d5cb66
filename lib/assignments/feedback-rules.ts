import type { FeedbackPolicy } from "@/lib/generated/prisma/enums";

/** Why a learner does not see their score and the key yet: until a date, or never (the teacher will go over it). */
export type TWithheld = { until: Date | null; timeZone: string };

/**
 * Which activities' feedback (score and answer key) a learner may not see now, from the assignments
 * that set them. The strictest assignment wins: "never" over "after the due date", and the latest
 * (extended) due date among "after the due date" ones.
 */
export function withheldActivities(
  rows: readonly { activityId: string; feedback: FeedbackPolicy; dueAt: Date; timeZone: string }[],
  now: Date,
): Map<string, TWithheld> {
  const out = new Map<string, TWithheld>();
  for (const r of rows) {
    if (r.feedback === "IMMEDIATE") continue;
    const prev = out.get(r.activityId);
    if (prev && prev.until === null) continue;
    if (r.feedback === "NEVER") out.set(r.activityId, { until: null, timeZone: r.timeZone });
    else if (r.dueAt > now && (!prev || prev.until! < r.dueAt)) out.set(r.activityId, { until: r.dueAt, timeZone: r.timeZone });
  }
  return out;
}
