import "server-only";
import { db, replica } from "@/lib/db";
import type { TCurrentUser } from "@/lib/auth/session";
import { assertTeaches } from "@/lib/classes/access";
import { ASSIGNMENT_COUNTING, ASSIGNMENT_SCHEDULE, ASSIGNMENT_TARGET, BY_DUE_DATE } from "@/lib/assignments/selects";
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
  countEarlierAttempts: boolean;
  countRetakesAfterKey: boolean;
  activities: { id: string; slug: string; title: string; moduleSlug: string }[];
};

export type TGridCell = TItemSummary & { assignmentId: string; dueAt: Date; extended: boolean; comment: string | null };

export type TGridRow = {
  student: { id: string; name: string; login: string };
  cells: TGridCell[];
  /** Mean score over the items that are done or past due (missing work counts 0); null before anything is. */
  total: number | null;
};

type TWorkRow = TActivityWork & { assignmentId: string; userId: string; activityId: string };

/**
 * The class progress grid: every student × every assigned item with status, score and lateness, counting
 * only the attempts the assignment counts (lib/assignments/counted-attempts.ts).
 * NOTE: a fixed number of queries whatever the class size (no N+1): the attempts are aggregated per
 * assignment, student and activity in one SQL statement.
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
      select: { ...ASSIGNMENT_SCHEDULE, ...ASSIGNMENT_TARGET, ...ASSIGNMENT_COUNTING },
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
    countEarlierAttempts: a.countEarlierAttempts,
    countRetakesAfterKey: a.countRetakesAfterKey,
    activities: a.module
      ? a.module.activities.map((x) => ({ ...x, moduleSlug: a.module!.slug }))
      : a.activity
        ? [{ id: a.activity.id, slug: a.activity.slug, title: a.activity.title, moduleSlug: a.activity.module.slug }]
        : [],
  }));
  // What decides which attempts count, from the primary (the instructor's own settings and extensions show at once).
  const targets = items.flatMap((item, i) =>
    item.activities.map((act) => ({
      assignmentId: item.assignmentId,
      activityId: act.id,
      createdAt: assignments[i]!.createdAt,
      dueAt: item.dueAt,
      feedback: item.feedback,
      countEarlier: item.countEarlierAttempts,
      countAfterKey: item.countRetakesAfterKey,
    })),
  );
  const extensionDates = extensions.map((e) => ({ assignmentId: e.assignmentId, userId: e.userId, dueAt: e.dueAt }));
  // NOTE: the rule of lib/assignments/counted-attempts.ts (`judgeAttempts`, `keyShownAt`) in one aggregate:
  // per assignment, student and activity, the key is shown at the first submission (immediately) or at the
  // later of it and the due date (after the due date), and an attempt counts unless it was started before
  // the assignment or after the key (each unless the instructor allows it). JSON timestamps end in "Z" and
  // the columns hold UTC, so the cast to "timestamp" reads them right.
  const workRows = targets.length
    ? await replica().$queryRaw<TWorkRow[]>`
        WITH t AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(targets)}::jsonb)
            AS t("assignmentId" text, "activityId" text, "createdAt" timestamp, "dueAt" timestamp, "feedback" text, "countEarlier" boolean, "countAfterKey" boolean)
        ), ext AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(extensionDates)}::jsonb) AS e("assignmentId" text, "userId" text, "dueAt" timestamp)
        ), keyed AS (
          SELECT t."assignmentId", at."userId", at."activityId", at."status", at."startedAt", at."submittedAt",
            at."score" / NULLIF(at."maxScore", 0) AS "fraction",
            COALESCE(ext."dueAt", t."dueAt") AS "dueAt", t."createdAt", t."countEarlier", t."countAfterKey",
            CASE t."feedback"
              WHEN 'IMMEDIATE' THEN min(at."submittedAt") OVER w
              WHEN 'AFTER_DUE' THEN GREATEST(min(at."submittedAt") OVER w, COALESCE(ext."dueAt", t."dueAt"))
            END AS "keyShownAt"
          FROM t
          JOIN "Attempt" at ON at."activityId" = t."activityId"
          JOIN "ClassMember" cm ON cm."userId" = at."userId" AND cm."classId" = ${classId}
          LEFT JOIN ext ON ext."assignmentId" = t."assignmentId" AND ext."userId" = at."userId"
          WINDOW w AS (PARTITION BY t."assignmentId", at."userId", at."activityId")
        ), judged AS (
          SELECT *, "status" = 'SUBMITTED' AND "submittedAt" IS NOT NULL
              AND ("countEarlier" OR "startedAt" >= "createdAt")
              AND ("countAfterKey" OR "keyShownAt" IS NULL OR "startedAt" <= "keyShownAt") AS "counted"
          FROM keyed
        )
        SELECT "assignmentId", "userId", "activityId",
          max("fraction") FILTER (WHERE "counted") AS "best",
          max("fraction") FILTER (WHERE "counted" AND "submittedAt" <= "dueAt") AS "bestOnTime",
          min("submittedAt") FILTER (WHERE "counted") AS "firstSubmittedAt",
          (count(*) FILTER (WHERE "counted"))::int AS "attempts",
          (count(*) FILTER (WHERE "status" = 'SUBMITTED' AND NOT "counted"))::int AS "uncounted",
          bool_or("status" = 'IN_PROGRESS') AS "inProgress"
        FROM judged
        GROUP BY "assignmentId", "userId", "activityId"`
    : [];

  const key = (assignmentId: string, userId: string) => `${assignmentId}\0${userId}`;
  const work = new Map<string, Map<string, TActivityWork>>();
  for (const w of workRows) {
    const k = key(w.assignmentId, w.userId);
    if (!work.has(k)) work.set(k, new Map());
    work.get(k)!.set(w.activityId, w);
  }
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
        work.get(key(item.assignmentId, s.id)) ?? none,
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
