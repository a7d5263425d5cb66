import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { TCurrentUser } from "@/lib/auth/session";
import { Prisma } from "@/lib/generated/prisma/client";
import { withheldActivities, type TFeedbackRow, type TWithheld } from "./feedback-rules";

export type { TWithheld };

type TScored = { score: number | null; maxScore: number | null };

/**
 * What one learner may see of their own scores, marks and answer keys: the one decision every
 * learner-facing read goes through (activity page, module page, course overview, mastery, "what to do
 * next", assigned work, the submit response). Made by `feedbackFor`.
 */
export type TFeedback = {
  /** Why `activityId`'s scores and key are withheld from this learner now; null when they are shown. */
  withheld(activityId: string): TWithheld | null;
  /** `attempts` as the learner may see them: score and maxScore null while the activity is withheld. */
  scores<T extends TScored>(activityId: string, attempts: readonly T[]): T[];
  /**
   * An assigned item's score (computed, or the teacher's override) as the learner may see it: null while
   * any of its activities is withheld. NOTE: an override is a score too; it is shown when the rest is.
   */
  itemScore(activityIds: readonly string[], score: number | null): { score: number | null; scoreWithheld: boolean };
};

/**
 * The assignments that bear on `userId`'s feedback, in one statement: every assignment of the learner's
 * own classes (with their own due date), and every other class's assignment with feedback withheld (with
 * the latest due date in that class). Driven from the activities asked about (or all), each joined to the
 * assignments of it or its module through the `activityId` and `moduleId` indexes.
 */
async function readFeedbackRows(userId: string, activityIds: string | null): Promise<TFeedbackRow[]> {
  const only = activityIds === null ? Prisma.empty : Prisma.sql`AND act."id" = ANY(${activityIds.split(",")}::text[])`;
  return db.$queryRaw<TFeedbackRow[]>`
    SELECT act."id" AS "activityId", a."feedback"::text AS "feedback", a."timeZone", (cm."userId" IS NOT NULL) AS "mine",
      CASE WHEN cm."userId" IS NOT NULL THEN COALESCE(own."dueAt", a."dueAt")
           ELSE GREATEST(a."dueAt", (SELECT max(x."dueAt") FROM "AssignmentExtension" x WHERE x."assignmentId" = a."id")) END AS "dueAt"
    FROM "Activity" act
    JOIN "Assignment" a ON a."activityId" = act."id" OR a."moduleId" = act."moduleId"
    LEFT JOIN "ClassMember" cm ON cm."classId" = a."classId" AND cm."userId" = ${userId}
    LEFT JOIN "AssignmentExtension" own ON own."assignmentId" = a."id" AND own."userId" = ${userId}
    WHERE (cm."userId" IS NOT NULL OR a."feedback" <> 'IMMEDIATE') ${only}`;
}

// NOTE: React's `cache` makes this one query per page render (the course overview and the assigned work
// on /learn ask for the same learner); outside a render (route handlers, tests) it is a plain call.
const feedbackRows = cache(readFeedbackRows);

/**
 * The feedback decision for `user` at `now`. `activityIds` narrows the read to the activities a page
 * shows (the activity page: one); without it, every activity. See `withheldActivities` for the rule.
 */
export async function feedbackFor(user: Pick<TCurrentUser, "id">, { now = new Date(), activityIds }: { now?: Date; activityIds?: readonly string[] } = {}): Promise<TFeedback> {
  const rows = await feedbackRows(user.id, activityIds ? [...activityIds].sort().join(",") : null);
  const withheld = withheldActivities(rows, now);
  return {
    withheld: (activityId) => withheld.get(activityId) ?? null,
    scores: (activityId, attempts) => (withheld.has(activityId) ? attempts.map((a) => ({ ...a, score: null, maxScore: null })) : [...attempts]),
    itemScore: (ids, score) => {
      const hidden = ids.some((id) => withheld.has(id));
      return { score: hidden ? null : score, scoreWithheld: hidden };
    },
  };
}
