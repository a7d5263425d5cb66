import type { FeedbackPolicy } from "@/lib/generated/prisma/enums";

/**
 * Why a learner does not see an activity's scores and answer key now:
 * - `your-class`: a class of theirs set it with feedback after the due date (`until`, in `timeZone`) or
 *   never (`until` null; the teacher will go over it);
 * - `a-class`: none of their classes set it, but another class is working on it with feedback withheld,
 *   so self-study does not hand that class the key (nothing is said about which class, or until when).
 */
export type TWithheld = { by: "your-class"; until: Date | null; timeZone: string } | { by: "a-class" };

/**
 * One assignment covering one activity, as the decision reads it. `mine`: the learner is in its class.
 * `dueAt`: for `mine`, the learner's own (possibly extended) due date; otherwise the latest due date of
 * anyone in that class, extensions included (the class is at work until its last pupil's date).
 */
export type TFeedbackRow = { activityId: string; feedback: FeedbackPolicy; dueAt: Date; timeZone: string; mine: boolean };

/**
 * Which activities' feedback (score and answer key) a learner may not see at `now`.
 * NOTE: a learner whose own classes set an activity gets what their classes chose, the strictest winning
 * ("never" over "after the due date", the latest date among those); another class's choice does not
 * change it. A learner none of whose classes set it (self-study) has it withheld while any class has it
 * set with "never", or "after the due date" before that class's last due date: otherwise a second
 * account outside the class would read the key that class is not to see.
 */
export function withheldActivities(rows: readonly TFeedbackRow[], now: Date): Map<string, TWithheld> {
  const mine = new Set(rows.filter((r) => r.mine).map((r) => r.activityId));
  const out = new Map<string, TWithheld>();
  for (const r of rows) {
    if (r.feedback === "IMMEDIATE" || r.mine !== mine.has(r.activityId)) continue;
    if (r.feedback === "AFTER_DUE" && r.dueAt <= now) continue;
    if (!r.mine) {
      out.set(r.activityId, { by: "a-class" });
      continue;
    }
    const prev = out.get(r.activityId);
    if (prev?.by === "your-class" && prev.until === null) continue;
    if (r.feedback === "NEVER") out.set(r.activityId, { by: "your-class", until: null, timeZone: r.timeZone });
    else if (!prev || (prev.by === "your-class" && prev.until! < r.dueAt)) out.set(r.activityId, { by: "your-class", until: r.dueAt, timeZone: r.timeZone });
  }
  return out;
}

/** What the activity page tells the learner about when they see their score and the key. */
export function withheldNote(withheld: TWithheld | null, formatDate: (date: Date, zone: string) => string): string {
  if (!withheld) return "You see your score, the answer key and the explanations as soon as you submit.";
  if (withheld.by === "a-class") return "A class is working on this activity now; scores and the answer key are shown once it is done.";
  return withheld.until
    ? `Your teacher shows scores and the answer key after the due date: ${formatDate(withheld.until, withheld.timeZone)}.`
    : "Your teacher has chosen not to show scores and the answer key here; they will go over the answers with you.";
}
