import "server-only";
import { db, replica } from "@/lib/db";
import type { TCurrentUser } from "@/lib/auth/session";
import { assertTeaches } from "@/lib/classes/access";
import { ASSIGNMENT_SCHEDULE, ASSIGNMENT_TARGET, BY_DUE_DATE } from "@/lib/assignments/selects";
import { summarizeItem, type TActivityWork, type TItemSummary } from "@/lib/assignments/status";
import type { FeedbackPolicy } from "@/lib/generated/prisma/enums";

export type TGridItem = {
  assignmentId: string;
  title: string;
  kind: "module" | "activity";
  opensAt: Date;
  dueAt: Date;
  timeZone: string;
  feedback: FeedbackPolicy;
  activities: { id: string; slug: string; title: string; moduleSlug: string }[];
};

export type TGridCell = TItemSummary & { assignmentId: string; dueAt: Date; extended: boolean; comment: string | null };

export type TGridRow = {
  student: { id: string; name: string; login: string };
  cells: TGridCell[];
  /** Mean score over the items that are done or past due (missing work counts 0); null before anything is. */
  total: number | null;
};

type TWorkRow = { userId: string; activityId: string; best: number | null; firstSubmittedAt: Date | null; attempts: number; inProgress: boolean };

/**
 * The class progress grid: every student × every assigned item with status, score and lateness.
 * NOTE: a fixed number of queries whatever the class size (no N+1): the attempts are aggregated per
 * student and activity in one SQL statement.
 * NOTE: that aggregate, the heavy part, reads a replica: students' work may show a few seconds late, as
 * if the page had been loaded a moment earlier. What the instructor writes (roster, assignments,
 * extensions, overrides, comments) comes from the primary, so their own change shows on the next page.
 */
export async function getClassGrid(user: TCurrentUser, classId: string, now = new Date()) {
  await assertTeaches(user, classId);
  const [klass, members, assignments, extensions, grades] = await Promise.all([
    db.class.findUniqueOrThrow({ where: { id: classId }, select: { id: true, name: true, term: true } }),
    db.classMember.findMany({
      where: { classId },
      select: { user: { select: { id: true, name: true, email: true, username: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.assignment.findMany({
      where: { classId },
      orderBy: BY_DUE_DATE,
      select: { ...ASSIGNMENT_SCHEDULE, ...ASSIGNMENT_TARGET },
    }),
    db.assignmentExtension.findMany({ where: { assignment: { classId } }, select: { assignmentId: true, userId: true, dueAt: true } }),
    db.assignmentGrade.findMany({
      where: { assignment: { classId } },
      select: { assignmentId: true, userId: true, overrideScore: true, comment: true },
    }),
  ]);

  const items: TGridItem[] = assignments.map((a) => ({
    assignmentId: a.id,
    title: a.module?.title ?? a.activity?.title ?? "(removed)",
    kind: a.module ? "module" : "activity",
    opensAt: a.opensAt,
    dueAt: a.dueAt,
    timeZone: a.timeZone,
    feedback: a.feedback,
    activities: a.module
      ? a.module.activities.map((x) => ({ ...x, moduleSlug: a.module!.slug }))
      : a.activity
        ? [{ id: a.activity.id, slug: a.activity.slug, title: a.activity.title, moduleSlug: a.activity.module.slug }]
        : [],
  }));
  const activityIds = [...new Set(items.flatMap((i) => i.activities.map((a) => a.id)))];
  const workRows = activityIds.length
    ? await replica().$queryRaw<TWorkRow[]>`
        SELECT at."userId", at."activityId",
          max(at."score" / NULLIF(at."maxScore", 0)) FILTER (WHERE at."status" = 'SUBMITTED') AS "best",
          min(at."submittedAt") AS "firstSubmittedAt",
          (count(*) FILTER (WHERE at."status" = 'SUBMITTED'))::int AS "attempts",
          bool_or(at."status" = 'IN_PROGRESS') AS "inProgress"
        FROM "Attempt" at
        JOIN "ClassMember" cm ON cm."userId" = at."userId" AND cm."classId" = ${classId}
        WHERE at."activityId" = ANY(${activityIds}::text[])
        GROUP BY at."userId", at."activityId"`
    : [];

  const work = new Map<string, Map<string, TActivityWork>>();
  for (const w of workRows) {
    if (!work.has(w.userId)) work.set(w.userId, new Map());
    work.get(w.userId)!.set(w.activityId, w);
  }
  const key = (assignmentId: string, userId: string) => `${assignmentId}\0${userId}`;
  const extended = new Map(extensions.map((e) => [key(e.assignmentId, e.userId), e.dueAt]));
  const graded = new Map(grades.map((g) => [key(g.assignmentId, g.userId), g]));
  const none = new Map<string, TActivityWork>();

  const rows: TGridRow[] = members.map(({ user: s }) => {
    const cells = items.map((item): TGridCell => {
      const extension = extended.get(key(item.assignmentId, s.id));
      const dueAt = extension ?? item.dueAt;
      const grade = graded.get(key(item.assignmentId, s.id));
      const summary = summarizeItem(
        item.activities.map((a) => a.id),
        work.get(s.id) ?? none,
        dueAt,
        now,
        grade?.overrideScore ?? null,
      );
      return { ...summary, assignmentId: item.assignmentId, dueAt, extended: !!extension, comment: grade?.comment ?? null };
    });
    const counted = cells.filter((c) => c.status === "done" || c.status === "overdue" || c.overridden);
    const total = counted.length ? Math.round((counted.reduce((sum, c) => sum + (c.score ?? 0), 0) / counted.length) * 10) / 10 : null;
    return { student: { id: s.id, name: s.name, login: s.email ?? s.username ?? "" }, cells, total };
  });

  return { class: klass, items, rows, now };
}
