import "server-only";
import { db, replica } from "@/lib/db";
import { getVersionDefinitions, versionKey } from "@/lib/content/activity-versions";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { assertMember, assertTeaches } from "@/lib/classes/access";
import { ASSIGNMENT_COUNTING, ASSIGNMENT_SCHEDULE, BY_DUE_DATE } from "@/lib/assignments/selects";
import { firstSubmission, judgeAttempts, keyShownAt, whyNotCounted, type TCountingContext } from "@/lib/assignments/counted-attempts";
import { summarizeItem } from "@/lib/assignments/status";
import type { TPublicActivity } from "@/lib/content/public-activity";
import type { TActivityResult } from "@/lib/grading/feedback";

/**
 * One student's work on everything assigned to one class, for its instructors: each item's status,
 * due date and extension, the instructor's comment and score override, and every attempt with its
 * graded answers and written justifications. NOT_FOUND unless the caller teaches the class and the
 * student is in it.
 * NOTE: the student's attempts and the sources come from a replica (seconds behind at most); the
 * instructor's own comment, override and extension come from the primary, so a saved grade shows at once.
 */
export async function getStudentWork(user: TCurrentUser, classId: string, studentId: string, now = new Date()) {
  await assertTeaches(user, classId);
  await assertMember(classId, studentId);
  const [student, assignments] = await Promise.all([
    db.user.findUnique({ where: { id: studentId }, select: { id: true, name: true, email: true, username: true } }),
    db.assignment.findMany({
      where: { classId },
      orderBy: BY_DUE_DATE,
      select: {
        ...ASSIGNMENT_SCHEDULE,
        ...ASSIGNMENT_COUNTING,
        extensions: { where: { userId: studentId }, select: { dueAt: true } },
        grades: { where: { userId: studentId }, select: { overrideScore: true, comment: true, updatedAt: true } },
        activity: { select: { id: true, title: true, publicDefinition: true } },
        module: { select: { title: true, activities: { where: { status: "PUBLISHED" }, orderBy: { order: "asc" }, select: { id: true, title: true, publicDefinition: true } } } },
      },
    }),
  ]);
  if (!student) throw new AppError("NOT_FOUND", "No such student.");
  const activityIds = [...new Set(assignments.flatMap((a) => (a.module ? a.module.activities.map((x) => x.id) : a.activity ? [a.activity.id] : [])))];
  const attempts = await replica().attempt.findMany({
    where: { userId: studentId, activityId: { in: activityIds } },
    orderBy: [{ activityId: "asc" }, { number: "asc" }],
    select: { id: true, activityId: true, activityVersion: true, number: true, status: true, score: true, maxScore: true, startedAt: true, submittedAt: true, result: true, _count: { select: { answers: true } } },
  });
  const slugs = new Set<string>();
  for (const a of assignments) {
    for (const act of a.module ? a.module.activities : a.activity ? [a.activity] : []) {
      const def = act.publicDefinition as TPublicActivity;
      def.sources.forEach((s) => slugs.add(s));
      def.questions.forEach((q) => "source" in q && slugs.add(q.source));
    }
  }
  const sources = await replica().source.findMany({ where: { slug: { in: [...slugs] } }, select: { slug: true, title: true, body: true } });
  // Each attempt is shown with the questions of the version it answered (an admin may have revised them since).
  const versions = await getVersionDefinitions(attempts);

  return {
    student: { id: student.id, name: student.name, login: student.email ?? student.username ?? "" },
    sources,
    items: assignments.map((a) => {
      const activities = a.module ? a.module.activities : a.activity ? [a.activity] : [];
      const dueAt = a.extensions[0]?.dueAt ?? a.dueAt;
      const grade = a.grades[0] ?? null;
      const ctx: TCountingContext = { ...a, dueAt };
      const work = new Map(activities.map((act) => [act.id, judgeAttempts(attempts.filter((x) => x.activityId === act.id), ctx)]));
      return {
        assignmentId: a.id,
        title: a.module?.title ?? a.activity?.title ?? "(removed)",
        classDueAt: a.dueAt,
        dueAt,
        extended: a.extensions.length > 0,
        timeZone: a.timeZone,
        grade,
        summary: summarizeItem(activities.map((x) => x.id), work, dueAt, now, grade?.overrideScore ?? null),
        activities: activities.map((act) => {
          const mine = attempts.filter((x) => x.activityId === act.id);
          const keyAt = keyShownAt(a.feedback, firstSubmission(mine), dueAt);
          return {
            id: act.id,
            title: act.title,
            definition: act.publicDefinition as TPublicActivity,
            attempts: mine.map((x) => ({
              ...x,
              result: x.result as TActivityResult | null,
              late: !!x.submittedAt && x.submittedAt > dueAt,
              notCounted: whyNotCounted(x, ctx, keyAt),
              definition: versions.get(versionKey(x.activityId, x.activityVersion))?.publicDefinition ?? (act.publicDefinition as TPublicActivity),
            })),
          };
        }),
      };
    }),
  };
}
