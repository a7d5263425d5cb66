import "server-only";
import { db } from "@/lib/db";
import type { TCurrentUser } from "@/lib/auth/session";
import { assertTeaches } from "@/lib/classes/access";
import type { TActivity } from "@/lib/content/activity-schema";
import type { TActivityResult } from "@/lib/grading/feedback";

export type TFirstResult = { userId: string; result: TActivityResult };

/**
 * The activities assigned to a class (alone or in a module), in course order, each with its current
 * students' FIRST submitted result. NOTE: the first, because feedback after it may show the key, and a
 * teacher wants to see what misled the class, not what it copied afterwards. Three queries, any class size.
 */
export async function getAssignedFirstResults(user: TCurrentUser, classId: string) {
  await assertTeaches(user, classId);
  const assignments = await db.assignment.findMany({
    where: { classId },
    select: { activityId: true, module: { select: { activities: { select: { id: true } } } } },
  });
  const ids = [...new Set(assignments.flatMap((a) => (a.activityId ? [a.activityId] : (a.module?.activities.map((x) => x.id) ?? []))))];
  if (ids.length === 0) return [];
  const [activities, rows] = await Promise.all([
    db.activity.findMany({
      where: { id: { in: ids } },
      orderBy: [{ module: { order: "asc" } }, { order: "asc" }],
      select: { id: true, title: true, definition: true, module: { select: { slug: true } }, slug: true },
    }),
    db.$queryRaw<{ userId: string; activityId: string; result: TActivityResult }[]>`
      SELECT DISTINCT ON (at."userId", at."activityId") at."userId", at."activityId", at."result"
      FROM "Attempt" at
      JOIN "ClassMember" cm ON cm."userId" = at."userId" AND cm."classId" = ${classId}
      WHERE at."activityId" = ANY(${ids}::text[]) AND at."status" = 'SUBMITTED' AND at."result" IS NOT NULL
      ORDER BY at."userId", at."activityId", at."submittedAt" ASC`,
  ]);
  return activities.map((a) => ({
    id: a.id,
    title: a.title,
    href: `/learn/${a.module.slug}/activities/${a.slug}`,
    definition: a.definition as TActivity,
    results: rows.filter((r) => r.activityId === a.id).map((r): TFirstResult => ({ userId: r.userId, result: r.result })),
  }));
}
