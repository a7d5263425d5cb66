import type { FeedbackPolicy } from "@/lib/generated/prisma/enums";
import type { TActivityWork } from "./status";

/** What decides which of a learner's attempts count for one assignment. */
export type TCountingContext = {
  /** When the assignment was made. */
  createdAt: Date;
  /** The learner's own due date: the assignment's, or their extension. */
  dueAt: Date;
  feedback: FeedbackPolicy;
  /** The instructor lets attempts started before the assignment was made count. */
  countEarlierAttempts: boolean;
  /** The instructor lets an attempt started after the learner saw the key replace an earlier score. */
  countRetakesAfterKey: boolean;
};

export type TAttemptFacts = {
  status: "IN_PROGRESS" | "SUBMITTED";
  startedAt: Date;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number | null;
};

/**
 * When the learner was first shown the answer key of an activity under this assignment's feedback policy:
 * "immediately", at their first submission of it (any attempt, self-study too: they saw the key then);
 * "after the due date", at the later of their due date and that first submission; "never", never (null).
 * NOTE: the class grid's SQL (lib/reports/class-grid.ts) computes the same moment; keep them together.
 */
export function keyShownAt(feedback: FeedbackPolicy, firstSubmittedAt: Date | null, dueAt: Date): Date | null {
  if (!firstSubmittedAt || feedback === "NEVER") return null;
  if (feedback === "IMMEDIATE") return firstSubmittedAt;
  return firstSubmittedAt > dueAt ? firstSubmittedAt : dueAt;
}

/** Why a submitted attempt does not count for the assignment, in words for the instructor. */
export type TNotCounted = "started before the assignment was made" | "started after the answer key was shown";

/**
 * Why a submitted attempt does not count for the assignment, or null when it counts: one started before
 * the assignment was made does not (unless the instructor allows it), nor one started after the key was
 * shown (unless allowed). An attempt in progress is not judged (null).
 */
export function whyNotCounted(attempt: TAttemptFacts, ctx: TCountingContext, keyAt: Date | null): TNotCounted | null {
  if (attempt.status !== "SUBMITTED") return null;
  if (!ctx.countEarlierAttempts && attempt.startedAt < ctx.createdAt) return "started before the assignment was made";
  if (!ctx.countRetakesAfterKey && keyAt && attempt.startedAt > keyAt) return "started after the answer key was shown";
  return null;
}

/** The first moment any of these attempts was submitted, or null. */
export function firstSubmission(attempts: readonly TAttemptFacts[]): Date | null {
  return attempts.reduce<Date | null>((min, a) => (a.status === "SUBMITTED" && a.submittedAt && (!min || a.submittedAt < min) ? a.submittedAt : min), null);
}

/**
 * One learner's work on one activity for one assignment: the best counted score, the best counted score
 * handed in by the due date, and how many submitted attempts did or did not count. `attempts` are all of
 * the learner's attempts of the activity (self-study ones too: they decide when the key was shown).
 * NOTE: the class grid computes the same in one SQL aggregate (lib/reports/class-grid.ts);
 * tests/integration/late-retakes.test.ts checks that both agree.
 */
export function judgeAttempts(attempts: readonly TAttemptFacts[], ctx: TCountingContext): TActivityWork {
  const submitted = attempts.filter((a) => a.status === "SUBMITTED" && a.submittedAt);
  const keyAt = keyShownAt(ctx.feedback, firstSubmission(submitted), ctx.dueAt);
  const counted = submitted.filter((a) => whyNotCounted(a, ctx, keyAt) === null);
  const fraction = (a: TAttemptFacts) => (a.maxScore && a.score !== null ? a.score / a.maxScore : null);
  const best = (list: TAttemptFacts[]) => list.reduce<number | null>((m, a) => { const f = fraction(a); return f === null || (m !== null && m >= f) ? m : f; }, null);
  return {
    best: best(counted),
    bestOnTime: best(counted.filter((a) => a.submittedAt! <= ctx.dueAt)),
    firstSubmittedAt: firstSubmission(counted),
    attempts: counted.length,
    uncounted: submitted.length - counted.length,
    inProgress: attempts.some((a) => a.status === "IN_PROGRESS"),
  };
}
