import "server-only";
import { db } from "@/lib/db";
import type { FeedbackPolicy } from "@/lib/generated/prisma/enums";
import { withheldActivities, type TWithheld } from "./feedback-rules";

export type { TWithheld };

/**
 * The activities whose score and answer key `userId` may not see yet, because a class of theirs was
 * assigned them with feedback after the due date (not yet passed) or never. One query.
 */
export async function getWithheldFeedback(userId: string, now = new Date()): Promise<Map<string, TWithheld>> {
  const rows = await db.$queryRaw<{ activityId: string; feedback: FeedbackPolicy; dueAt: Date; timeZone: string }[]>`
    SELECT act."id" AS "activityId", a."feedback"::text AS "feedback", COALESCE(e."dueAt", a."dueAt") AS "dueAt", a."timeZone"
    FROM "Assignment" a
    JOIN "ClassMember" cm ON cm."classId" = a."classId" AND cm."userId" = ${userId}
    JOIN "Activity" act ON act."id" = a."activityId" OR act."moduleId" = a."moduleId"
    LEFT JOIN "AssignmentExtension" e ON e."assignmentId" = a."id" AND e."userId" = ${userId}
    WHERE a."feedback" <> 'IMMEDIATE'`;
  return withheldActivities(rows, now);
}
