import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveGrade } from "@/lib/assignments/mutations";
import { ZGradeInput } from "@/lib/assignments/schemas";
import { getActivityForLearner } from "@/lib/attempts/queries";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import type { TCurrentUser } from "@/lib/auth/session";
import { updateLesson } from "@/lib/authoring/lessons";
import { db, replica } from "@/lib/db";
import { setLessonComplete } from "@/lib/learning/mutations";
import { getCourseOverview, getLessonContent, getLessonProgress } from "@/lib/learning/queries";
import { getClassGrid } from "@/lib/reports/class-grid";
import { getStudentWork } from "@/lib/reports/student-work";
import { startReplicaPair, type TReplicaPair } from "../support/replica-pair";

/**
 * The read-replica wiring against a real streaming standby (tests/support/replica-pair.ts). Replay on
 * the standby is paused to make the replica lag, then what each reader sees shows which server served it:
 * course content and students' work in reports come from the replica (the state before the pause); a
 * learner's own progress and attempts, an admin's preview and an instructor's own grading come from the
 * primary (what was just saved).
 */

let pair: TReplicaPair;

beforeAll(async () => {
  pair = await startReplicaPair((url) => {
    const env = { ...process.env, DATABASE_URL: url, SEED_DEMO: "1" };
    execFileSync("npx", ["--no-install", "prisma", "migrate", "deploy"], { env, stdio: "pipe" });
    execFileSync("npx", ["--no-install", "tsx", "prisma/seed.ts"], { env, stdio: "pipe" });
  });
  // NOTE: before the app's first query: lib/db.ts reads the environment once, when it creates its clients.
  process.env.DATABASE_URL = pair.primaryUrl;
  process.env.DATABASE_REPLICA_URLS = pair.replicaUrl;
  await pair.waitForReplay();
}, 300_000);

afterAll(async () => {
  await db.$disconnect();
  await pair?.stop();
}, 60_000);

const SELECT_USER = { id: true, email: true, username: true, name: true, role: true, mustChangePassword: true } as const;
const userByEmail = (email: string): Promise<TCurrentUser> => db.user.findUniqueOrThrow({ where: { email }, select: SELECT_USER });

/** Runs `during` with replay paused on the standby, then lets the standby catch up. */
async function whileReplicaLags(during: () => Promise<void>) {
  await pair.pauseReplay();
  try {
    await during();
  } finally {
    await pair.resumeReplay();
  }
  await pair.waitForReplay();
}

/** A query straight on the standby, bypassing the app. */
async function onReplica<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: pair.replicaUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("read replicas", () => {
  it("replica() reads the standby, db the primary", async () => {
    const where = async (client: Pick<typeof db, "$queryRaw">) =>
      (await client.$queryRaw<{ standby: boolean; port: number }[]>`SELECT pg_is_in_recovery() AS standby, inet_server_port() AS port`)[0];
    expect(await where(replica())).toEqual({ standby: true, port: Number(new URL(pair.replicaUrl).port) });
    expect(await where(db)).toEqual({ standby: false, port: Number(new URL(pair.primaryUrl).port) });
  });

  it("a learner reads published lessons from the replica, but their own progress, just saved, from the primary", async () => {
    const [student, admin] = await Promise.all([userByEmail("student@crosscheck.test"), userByEmail("admin@crosscheck.test")]);
    const lesson = await db.lesson.findFirstOrThrow({
      where: { status: "PUBLISHED", module: { status: "PUBLISHED" } },
      orderBy: [{ module: { order: "asc" } }, { order: "asc" }],
      select: { id: true, slug: true, title: true, summary: true, minutes: true, body: true, module: { select: { slug: true } } },
    });
    const ref = { moduleSlug: lesson.module.slug, lessonSlug: lesson.slug };
    const revised = `${lesson.title} (revised)`;
    expect((await getLessonProgress(student, ref)).completed).toBe(false);

    await whileReplicaLags(async () => {
      await updateLesson(admin, lesson.id, { title: revised, summary: lesson.summary, minutes: String(lesson.minutes ?? ""), body: lesson.body });
      await setLessonComplete(student, { ...ref, completed: true });

      // The standby has neither write yet: what it serves is the state before the pause.
      expect(await onReplica(`SELECT 1 FROM "LessonProgress" WHERE "userId" = $1 AND "lessonId" = $2`, [student.id, lesson.id])).toEqual([]);
      expect((await getLessonContent(ref.moduleSlug, ref.lessonSlug)).title).toBe(lesson.title);
      // The admin who made the change previews it from the primary.
      expect((await getLessonContent(ref.moduleSlug, ref.lessonSlug, true)).title).toBe(revised);
      // The learner's tick is there on the very next read, on the lesson and on the course overview.
      expect((await getLessonProgress(student, ref)).completed).toBe(true);
      const overview = await getCourseOverview(student);
      const listed = overview.modules.find((m) => m.slug === ref.moduleSlug)!.lessons.find((l) => l.slug === ref.lessonSlug)!;
      expect(listed).toMatchObject({ title: lesson.title, done: true });
    });

    // Caught up: learners now get the revised lesson too.
    expect((await getLessonContent(ref.moduleSlug, ref.lessonSlug)).title).toBe(revised);
  });

  it("an instructor's reports show their own grading at once and a student's new work once the replica has it", async () => {
    const [student, instructor] = await Promise.all([userByEmail("student@crosscheck.test"), userByEmail("instructor@crosscheck.test")]);
    const classId = "demo-class-10b";
    const assignment = await db.assignment.findFirstOrThrow({ where: { classId, activity: { slug: "september-2023-quiz" } }, select: { id: true } });
    const cellOf = async () => {
      const grid = await getClassGrid(instructor, classId);
      return grid.rows.find((r) => r.student.id === student.id)!.cells.find((c) => c.assignmentId === assignment.id)!;
    };
    const attemptsInWork = async () => {
      const work = await getStudentWork(instructor, classId, student.id);
      const item = work.items.find((i) => i.assignmentId === assignment.id)!;
      return { comment: item.grade?.comment ?? null, attempts: item.activities[0]!.attempts.length };
    };
    expect(await cellOf()).toMatchObject({ status: "not-started", activitiesDone: 0, comment: null });

    await whileReplicaLags(async () => {
      const comment = "Look again at the second source.";
      await saveGrade(instructor, ZGradeInput.parse({ assignmentId: assignment.id, studentId: student.id, overrideScore: "", comment }));
      const attemptId = await startOrResumeAttempt(student, "september-2023-quiz");
      await submitAttempt(student, { attemptId, answers: [] });

      // The student sees their submission at once (their own attempts are read from the primary) ...
      expect((await getActivityForLearner(student, "september-2023-quiz")).attempts).toHaveLength(1);
      // ... the instructor sees their comment at once, but not yet the submission the replica lacks.
      expect(await cellOf()).toMatchObject({ status: "not-started", activitiesDone: 0, comment });
      expect(await attemptsInWork()).toEqual({ comment, attempts: 0 });
    });

    expect(await cellOf()).toMatchObject({ status: "done", activitiesDone: 1 });
    expect((await attemptsInWork()).attempts).toBe(1);
  });

  // NOTE: last, since it shuts the standby down for good.
  it("with the replica down, content and reports still load, read from the primary, with one line in the log each", async () => {
    const [student, instructor] = await Promise.all([userByEmail("student@crosscheck.test"), userByEmail("instructor@crosscheck.test")]);
    const lesson = await db.lesson.findFirstOrThrow({
      where: { status: "PUBLISHED", module: { status: "PUBLISHED" } },
      select: { slug: true, title: true, module: { select: { slug: true } } },
    });
    // The replica pool has open connections before the standby goes: both those and new ones must fail over.
    expect((await getLessonContent(lesson.module.slug, lesson.slug)).title).toBe(lesson.title);
    await pair.stopStandby();
    await expect(onReplica("SELECT 1", [])).rejects.toThrow();

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // A learner's lesson and course overview (content from `replica()`), twice: pooled and fresh connections.
      for (let round = 0; round < 2; round++) {
        expect((await getLessonContent(lesson.module.slug, lesson.slug)).title).toBe(lesson.title);
        const overview = await getCourseOverview(student);
        expect(overview.modules.find((m) => m.slug === lesson.module.slug)!.lessons.map((l) => l.slug)).toContain(lesson.slug);
      }
      // An instructor's grid (raw SQL on `replica()`) shows the work submitted in the test above.
      const grid = await getClassGrid(instructor, "demo-class-10b");
      expect(grid.rows.find((r) => r.student.id === student.id)!.cells.some((c) => c.status === "done")).toBe(true);
      // And it was the primary that answered.
      const [where] = await replica().$queryRaw<{ standby: boolean; port: number }[]>`SELECT pg_is_in_recovery() AS standby, inet_server_port() AS port`;
      expect(where).toEqual({ standby: false, port: Number(new URL(pair.primaryUrl).port) });

      const fallbacks = logged.mock.calls.map((args) => String(args[0])).filter((line) => line.startsWith("Read replica unavailable"));
      expect(fallbacks.length).toBeGreaterThan(0);
      expect(fallbacks.every((line) => !line.includes("\n"))).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });
});
