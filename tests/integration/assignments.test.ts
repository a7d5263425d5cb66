import { describe, expect, it } from "vitest";
import { feedbackFor } from "@/lib/assignments/feedback-policy";
import { createAssignment, saveGrade, setExtension } from "@/lib/assignments/mutations";
import { getAssignedWork } from "@/lib/assignments/queries";
import { getActivityForLearner } from "@/lib/attempts/queries";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import { getCourseOverview } from "@/lib/learning/queries";
import { getClassGrid } from "@/lib/reports/class-grid";
import { classWithQuizAssigned, createUser, db } from "./helpers";

const QUIZ = "september-2023-quiz";
const local = (d: Date) => d.toISOString().slice(0, 16);
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

function classWithStudent(feedback: "IMMEDIATE" | "AFTER_DUE" | "NEVER", dueInDays = 7) {
  return classWithQuizAssigned(feedback, days(-1), days(dueInDays));
}

async function takeQuiz(user: Awaited<ReturnType<typeof createUser>>) {
  const attemptId = await startOrResumeAttempt(user, QUIZ);
  return submitAttempt(user, { attemptId, answers: [] });
}

describe("assignments", () => {
  it("feedback after the due date: the learner sees neither score nor key until then, the teacher sees both", async () => {
    const { teacher, student, classId } = await classWithStudent("AFTER_DUE");
    await takeQuiz(student);
    const page = await getActivityForLearner(student, QUIZ);
    expect(page.withheld).toMatchObject({ by: "your-class", until: expect.any(Date) });
    expect(page.viewed?.result).toBeNull();
    expect(page.attempts.every((a) => a.score === null)).toBe(true);
    expect(page.best).toBeNull();
    const overview = await getCourseOverview(student);
    expect(overview.modules.flatMap((m) => m.activities).find((a) => a.title.startsWith("Quiz: three"))?.best).toBeNull();
    expect((await getAssignedWork(student))[0]).toMatchObject({ status: "done", score: null });

    const grid = await getClassGrid(teacher, classId);
    expect(grid.rows[0]!.cells[0]!.score).not.toBeNull();

    // Once the due date has passed, the feedback is released.
    await db.assignment.updateMany({ where: { classId }, data: { opensAt: days(-3), dueAt: days(-1) } });
    const released = await getActivityForLearner(student, QUIZ);
    expect(released.withheld).toBeNull();
    expect(released.viewed?.result?.questions.length).toBeGreaterThan(0);
  });

  it("feedback never: withheld for good, and from self-study outside the class too (tests/integration/withheld-feedback.test.ts)", async () => {
    const { student, quizId } = await classWithStudent("NEVER", -0.5);
    expect((await feedbackFor(student)).withheld(quizId)).toEqual({ by: "your-class", until: null, timeZone: "UTC" });
    const outsider = await createUser("STUDENT");
    expect((await feedbackFor(outsider)).withheld(quizId)).toEqual({ by: "a-class" });
  });

  it("work after the due date is accepted and marked late; an extension makes the same work on time", async () => {
    const { teacher, student, classId, assignmentId } = await classWithStudent("IMMEDIATE", 7);
    await db.assignment.update({ where: { id: assignmentId }, data: { opensAt: days(-3), dueAt: days(-1) } });
    expect((await getClassGrid(teacher, classId)).rows[0]!.cells[0]!.status).toBe("overdue");
    await takeQuiz(student);
    expect((await getClassGrid(teacher, classId)).rows[0]!.cells[0]).toMatchObject({ status: "done", late: true });
    expect((await getAssignedWork(student))[0]).toMatchObject({ status: "done", late: true });

    await setExtension(teacher, { assignmentId, studentId: student.id, dueAt: local(days(2)) });
    const cell = (await getClassGrid(teacher, classId)).rows[0]!.cells[0]!;
    expect(cell).toMatchObject({ status: "done", late: false, extended: true });
    expect((await getAssignedWork(student))[0]).toMatchObject({ late: false, extended: true });
  });

  it("a manual score sticks through later attempts, and the student sees it with the comment", async () => {
    const { teacher, student, classId, assignmentId } = await classWithStudent("IMMEDIATE");
    await takeQuiz(student);
    await saveGrade(teacher, { assignmentId, studentId: student.id, overrideScore: 88.5, comment: "Good use of the SCEEUS footnotes." });
    await takeQuiz(student);
    const cell = (await getClassGrid(teacher, classId)).rows[0]!.cells[0]!;
    expect(cell).toMatchObject({ score: 88.5, overridden: true, comment: "Good use of the SCEEUS footnotes." });
    expect((await getAssignedWork(student))[0]).toMatchObject({ score: 88.5, comment: "Good use of the SCEEUS footnotes." });

    // Clearing the override brings back the computed score.
    await saveGrade(teacher, { assignmentId, studentId: student.id, overrideScore: null, comment: "" });
    expect((await getClassGrid(teacher, classId)).rows[0]!.cells[0]!).toMatchObject({ overridden: false, comment: null });
  });

  it("dates are refused when the due date is not after the opening, with nothing created", async () => {
    const { teacher, classId, quizId } = await classWithStudent("IMMEDIATE");
    const before = await db.assignment.count({ where: { classId } });
    await expect(
      createAssignment(teacher, { classId, target: `activity:${quizId}`, opensAt: "2026-12-02T10:00", dueAt: "2026-12-01T10:00", timeZone: "UTC", feedback: "IMMEDIATE" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.assignment.count({ where: { classId } })).toBe(before);
  });

  it("the database itself refuses an assignment with no target or a due date before its opening", async () => {
    const { classId, quizId } = await classWithStudent("IMMEDIATE");
    const at = (d: number) => days(d);
    await expect(db.assignment.create({ data: { classId, opensAt: at(0), dueAt: at(1), timeZone: "UTC" } })).rejects.toThrow(/exactly one module or one activity/);
    await expect(db.assignment.create({ data: { classId, activityId: quizId, opensAt: at(1), dueAt: at(0), timeZone: "UTC" } })).rejects.toThrow(/due after it opens/);
  });
});
