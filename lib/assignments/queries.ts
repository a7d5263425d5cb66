import "server-only";
import { db } from "@/lib/db";
import type { TCurrentUser } from "@/lib/auth/session";
import { assertTeaches } from "@/lib/classes/access";
import { feedbackFor } from "./feedback-policy";
import { judgeAttempts, type TCountingContext } from "./counted-attempts";
import { ASSIGNMENT_COUNTING, ASSIGNMENT_SCHEDULE, ASSIGNMENT_TARGET, BY_DUE_DATE } from "./selects";
import { summarizeItem } from "./status";

/** A class's assignments for its instructors, soonest due first. */
export async function listClassAssignments(user: TCurrentUser, classId: string) {
  await assertTeaches(user, classId);
  return db.assignment.findMany({
    where: { classId },
    orderBy: BY_DUE_DATE,
    select: {
      ...ASSIGNMENT_SCHEDULE,
      countEarlierAttempts: true,
      countRetakesAfterKey: true,
      module: { select: { title: true } },
      activity: { select: { title: true } },
      _count: { select: { extensions: true } },
    },
  });
}

/**
 * The work set for a student across their classes, ordered by their own (possibly extended) due date,
 * with status, lateness, the score when the teacher shows it, and the teacher's comment. Only the attempts
 * the assignment counts make the score (lib/assignments/counted-attempts.ts), as in the class grid.
 */
export async function getAssignedWork(user: TCurrentUser, now = new Date()) {
  const [assignments, feedback] = await Promise.all([
    db.assignment.findMany({
      where: { class: { members: { some: { userId: user.id } } } },
      select: {
        ...ASSIGNMENT_SCHEDULE,
        ...ASSIGNMENT_TARGET,
        ...ASSIGNMENT_COUNTING,
        class: { select: { name: true } },
        extensions: { where: { userId: user.id }, select: { dueAt: true } },
        grades: { where: { userId: user.id }, select: { overrideScore: true, comment: true } },
      },
    }),
    feedbackFor(user, { now }),
  ]);
  const activityIds = [...new Set(assignments.flatMap((a) => (a.module ? a.module.activities.map((x) => x.id) : a.activity ? [a.activity.id] : [])))];
  const attempts = activityIds.length
    ? await db.attempt.findMany({
        where: { userId: user.id, activityId: { in: activityIds } },
        select: { activityId: true, status: true, startedAt: true, submittedAt: true, score: true, maxScore: true },
      })
    : [];
  return assignments
    .map((a) => {
      const activities = a.module
        ? a.module.activities.map((x) => ({ ...x, href: `/learn/${a.module!.slug}/activities/${x.slug}` }))
        : a.activity
          ? [{ id: a.activity.id, slug: a.activity.slug, title: a.activity.title, href: `/learn/${a.activity.module.slug}/activities/${a.activity.slug}` }]
          : [];
      const dueAt = a.extensions[0]?.dueAt ?? a.dueAt;
      const grade = a.grades[0];
      const ctx: TCountingContext = { ...a, dueAt };
      const work = new Map(activities.map((x) => [x.id, judgeAttempts(attempts.filter((t) => t.activityId === x.id), ctx)]));
      const summary = summarizeItem(activities.map((x) => x.id), work, dueAt, now, grade?.overrideScore ?? null);
      const shown = feedback.itemScore(activities.map((x) => x.id), summary.score);
      return {
        id: a.id,
        className: a.class.name,
        title: a.module?.title ?? a.activity?.title ?? "(removed)",
        href: a.module ? `/learn/${a.module.slug}` : (activities[0]?.href ?? "/learn"),
        activities: activities.map((x) => ({ ...x, done: !!work.get(x.id)?.firstSubmittedAt })),
        opensAt: a.opensAt,
        open: a.opensAt <= now,
        dueAt,
        extended: a.extensions.length > 0,
        timeZone: a.timeZone,
        ...summary,
        ...shown,
        onTimeScore: shown.scoreWithheld ? null : summary.onTimeScore,
        comment: grade?.comment ?? null,
      };
    })
    .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime());
}
