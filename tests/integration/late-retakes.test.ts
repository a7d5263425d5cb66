import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { setExtension } from "@/lib/assignments/mutations";
import { getAssignedWork } from "@/lib/assignments/queries";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import { getClassGrid } from "@/lib/reports/class-grid";
import { formatGradebookCsv } from "@/lib/reports/gradebook-csv-format";
import { getStudentWork } from "@/lib/reports/student-work";
import { classWithQuizAssigned, createUser, db } from "./helpers";

const QUIZ = "september-2023-quiz";
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const local = (d: Date) => d.toISOString().slice(0, 16);

type TUser = Awaited<ReturnType<typeof createUser>>;

/** A submitted attempt of the quiz, moved to `daysAgo` (started half an hour before it was handed in) with `percent`. */
async function attemptAt(user: TUser, ago: number, percent: number) {
  const attemptId = await startOrResumeAttempt(user, QUIZ);
  await submitAttempt(user, { attemptId, answers: [] });
  const submittedAt = daysAgo(ago);
  await db.attempt.update({
    where: { id: attemptId },
    data: { startedAt: new Date(submittedAt.getTime() - 30 * 60_000), submittedAt, score: percent, maxScore: 100 },
  });
}

/**
 * A class with one student and the quiz assigned ten days ago, due two days ago, feedback after the due
 * date. The student's attempts are placed in time by `attemptAt`.
 */
async function quizDueTwoDaysAgo(feedback: "IMMEDIATE" | "AFTER_DUE" | "NEVER" = "AFTER_DUE") {
  const { teacher, student, classId, assignmentId } = await classWithQuizAssigned(feedback, new Date(Date.now() + DAY), new Date(Date.now() + 2 * DAY));
  await db.assignment.update({ where: { id: assignmentId }, data: { createdAt: daysAgo(10), opensAt: daysAgo(10), dueAt: daysAgo(2) } });
  return { teacher, student, classId, assignmentId };
}

/** The one cell, the CSV row, the student-work summary and the learner's own summary, side by side. */
async function views(teacher: TUser, student: TUser, classId: string) {
  const grid = await getClassGrid(teacher, classId);
  const [header, row]: string[][] = parse(formatGradebookCsv(grid).slice(1));
  const csv = Object.fromEntries(header!.map((h, i) => [h.replace(/^Quiz: three perspectives on September 2023/, "Quiz"), row![i]]));
  const work = (await getStudentWork(teacher, classId, student.id)).items[0]!;
  const own = (await getAssignedWork(student))[0]!;
  return { cell: grid.rows[0]!.cells[0]!, csv, work, own };
}

describe("a late retake after reading the key (issue 15)", () => {
  it("on time 20%, key read after the due date, retake 100%: the gradebook keeps 20% on time", async () => {
    const { teacher, student, classId } = await quizDueTwoDaysAgo();
    await attemptAt(student, 5, 20);
    await attemptAt(student, 1, 100);

    const { cell, csv, work, own } = await views(teacher, student, classId);
    expect(cell).toMatchObject({ status: "done", score: 20, late: false, uncounted: 1 });
    expect(csv).toMatchObject({ [`Quiz (due ${local(daysAgo(2)).slice(0, 10)})`]: "20", "Quiz: on-time score": "20", "Quiz: late": "", "Late items": "0" });
    expect(work.summary).toMatchObject({ score: 20, late: false });
    expect(work.activities[0]!.attempts.map((a) => a.notCounted)).toEqual([null, "started after the answer key was shown"]);
    expect(own).toMatchObject({ score: 20, late: false });
  });

  it("when the instructor lets retakes after the key count, the 100% counts and is marked late, beside the 20% on time", async () => {
    const { teacher, student, classId, assignmentId } = await quizDueTwoDaysAgo();
    await attemptAt(student, 5, 20);
    await attemptAt(student, 1, 100);
    await db.assignment.update({ where: { id: assignmentId }, data: { countRetakesAfterKey: true } });

    const { cell, csv, work, own } = await views(teacher, student, classId);
    expect(cell).toMatchObject({ status: "done", score: 100, onTimeScore: 20, late: true, uncounted: 0 });
    expect(csv).toMatchObject({ "Quiz: on-time score": "20", "Quiz: late": "late", "Late items": "1", "Total (%)": "100" });
    expect(work.summary).toMatchObject({ score: 100, onTimeScore: 20, late: true });
    expect(own).toMatchObject({ score: 100, late: true });
  });

  it("with feedback never the key was never shown: the late retake counts, marked late", async () => {
    const { teacher, student, classId } = await quizDueTwoDaysAgo("NEVER");
    await attemptAt(student, 5, 20);
    await attemptAt(student, 1, 100);
    expect((await views(teacher, student, classId)).cell).toMatchObject({ score: 100, onTimeScore: 20, late: true });
  });

  it("an extension past the retake makes it on time and before the key", async () => {
    const { teacher, student, classId, assignmentId } = await quizDueTwoDaysAgo();
    await attemptAt(student, 5, 20);
    await attemptAt(student, 1, 100);
    await setExtension(teacher, { assignmentId, studentId: student.id, dueAt: local(new Date(Date.now() + DAY)) });
    const { cell, work } = await views(teacher, student, classId);
    expect(cell).toMatchObject({ score: 100, late: false, extended: true });
    expect(work.summary).toMatchObject({ score: 100, late: false });
  });

  it("attempts from before the assignment was made count only when the instructor says so", async () => {
    const { teacher, student, classId, assignmentId } = await quizDueTwoDaysAgo();
    await attemptAt(student, 12, 90);
    const before = await views(teacher, student, classId);
    expect(before.cell).toMatchObject({ status: "overdue", score: null, uncounted: 1 });
    expect(before.work.activities[0]!.attempts[0]!.notCounted).toBe("started before the assignment was made");
    expect(before.own).toMatchObject({ status: "overdue", score: null });

    await db.assignment.update({ where: { id: assignmentId }, data: { countEarlierAttempts: true } });
    const after = await views(teacher, student, classId);
    expect(after.cell).toMatchObject({ status: "done", score: 90, late: false });
    expect(after.own).toMatchObject({ status: "done", score: 90 });
  });

  it("the seeded demo class still shows its pupils' work: its assignments were made before their attempts", async () => {
    const instructor = await db.user.findUniqueOrThrow({
      where: { email: "instructor@crosscheck.test" },
      select: { id: true, email: true, username: true, name: true, role: true, mustChangePassword: true },
    });
    const cells = (await getClassGrid(instructor, "demo-class-10b")).rows.flatMap((r) => r.cells);
    expect(cells.filter((c) => c.score !== null).length).toBeGreaterThan(10);
    expect(cells.every((c) => c.uncounted === 0)).toBe(true);
  });
});
