import "server-only";
import { db, replica } from "@/lib/db";
import type { TCurrentUser } from "@/lib/auth/session";
import { assertTeaches } from "@/lib/classes/access";
import type { TActivity } from "@/lib/content/activity-schema";
import { getVersionDefinitions, versionKey } from "@/lib/content/activity-versions";
import type { TActivityResult } from "@/lib/grading/feedback";

export type TFirstResult = { userId: string; result: TActivityResult };

/**
 * The activities assigned to a class (alone or in a module), in course order, each with its current
 * students' FIRST submitted result. NOTE: the first, because feedback after it may show the key, and a
 * teacher wants to see what misled the class, not what it copied afterwards.
 * Results are read against the version of the activity they answered: when an admin revised an activity
 * after some students took it, each version with results is its own entry ("… (version 2)"), so no
 * answer is counted against questions it never saw. Four queries, any class size.
 * NOTE: the students' results are read from a replica (seconds behind at most: a submission that recent
 * simply counts on the next load); the activities come from the primary, which is never behind the
 * replica, so every version a result answered is found.
 */
export async function getAssignedFirstResults(user: TCurrentUser, classId: string) {
  await assertTeaches(user, classId);
  const assignments = await db.assignment.findMany({
    where: { classId },
    select: { activityId: true, module: { select: { activities: { where: { status: "PUBLISHED" }, select: { id: true } } } } },
  });
  const ids = [...new Set(assignments.flatMap((a) => (a.activityId ? [a.activityId] : (a.module?.activities.map((x) => x.id) ?? []))))];
  if (ids.length === 0) return [];
  const [activities, rows] = await Promise.all([
    db.activity.findMany({
      where: { id: { in: ids } },
      orderBy: [{ module: { order: "asc" } }, { order: "asc" }],
      select: { id: true, title: true, version: true, definition: true, module: { select: { slug: true } }, slug: true },
    }),
    replica().$queryRaw<{ userId: string; activityId: string; activityVersion: number; result: TActivityResult }[]>`
      SELECT DISTINCT ON (at."userId", at."activityId") at."userId", at."activityId", at."activityVersion", at."result"
      FROM "Attempt" at
      JOIN "ClassMember" cm ON cm."userId" = at."userId" AND cm."classId" = ${classId}
      WHERE at."activityId" = ANY(${ids}::text[]) AND at."status" = 'SUBMITTED' AND at."result" IS NOT NULL
      ORDER BY at."userId", at."activityId", at."submittedAt" ASC`,
  ]);
  const older = await getVersionDefinitions(
    rows.filter((r) => r.activityVersion !== activities.find((a) => a.id === r.activityId)?.version),
  );
  return activities.flatMap((a) => {
    const mine = rows.filter((r) => r.activityId === a.id);
    const versions = [...new Set(mine.map((r) => r.activityVersion))].sort((x, y) => x - y);
    if (versions.length === 0) versions.push(a.version);
    return versions.map((version) => ({
      id: versions.length > 1 ? `${a.id}@${version}` : a.id,
      title: versions.length > 1 ? `${a.title} (version ${version})` : a.title,
      href: `/learn/${a.module.slug}/activities/${a.slug}`,
      definition: version === a.version ? (a.definition as TActivity) : older.get(versionKey(a.id, version))!.definition,
      results: mine.filter((r) => r.activityVersion === version).map((r): TFirstResult => ({ userId: r.userId, result: r.result })),
    }));
  });
}
