import pg from "pg";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createAssignment, deleteAssignment, removeExtension, saveGrade, setExtension, updateAssignment } from "@/lib/assignments/mutations";
import { getAssignedWork, listClassAssignments } from "@/lib/assignments/queries";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import type { TCurrentUser } from "@/lib/auth/session";
import {
  addCoInstructor,
  createClass,
  joinClassByCode,
  removeCoInstructor,
  removeStudent,
  setJoinCode,
  updateClass,
} from "@/lib/classes/mutations";
import { getTaughtClass, getTaughtClassName, listTaughtClasses } from "@/lib/classes/queries";
import { ZCreateStudentAccountsInput } from "@/lib/classes/schemas";
import { createStudentAccounts, listStudentAccounts, resetStudentPassword } from "@/lib/classes/student-accounts";
import { getClassGrid } from "@/lib/reports/class-grid";
import { getEvidenceHeatmap } from "@/lib/reports/evidence-heatmap";
import { getAssignedFirstResults } from "@/lib/reports/first-attempts";
import { getItemAnalysis } from "@/lib/reports/item-analysis";
import { getStudentWork } from "@/lib/reports/student-work";
import { createUser, db } from "./helpers";

const QUIZ = "september-2023-quiz";
const local = (d: Date) => d.toISOString().slice(0, 16);
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

type TWorld = Awaited<ReturnType<typeof buildWorld>>;

async function takeQuiz(user: TCurrentUser) {
  const attemptId = await startOrResumeAttempt(user, QUIZ);
  await submitAttempt(user, { attemptId, answers: [] });
}

async function classWithQuiz(owner: TCurrentUser, name: string) {
  const { id: classId } = await createClass(owner, { name, term: "Autumn" });
  const quiz = await db.activity.findUniqueOrThrow({ where: { slug: QUIZ }, select: { id: true } });
  const { id: assignmentId } = await createAssignment(owner, {
    classId,
    target: `activity:${quiz.id}`,
    opensAt: local(days(-2)),
    dueAt: local(days(5)),
    timeZone: "Asia/Yerevan",
    feedback: "IMMEDIATE",
  });
  const { joinCode } = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
  return { classId, assignmentId, joinCode: joinCode!, quizId: quiz.id };
}

/** Two classes with different teachers and students, work done in both, and an admin who teaches neither. */
async function buildWorld() {
  const [ownerA, coA, teacherB, admin, studentA, studentB] = await Promise.all([
    createUser("INSTRUCTOR"),
    createUser("INSTRUCTOR"),
    createUser("INSTRUCTOR"),
    createUser("ADMIN"),
    createUser("STUDENT"),
    createUser("STUDENT"),
  ]);
  const a = await classWithQuiz(ownerA, "Class A");
  const b = await classWithQuiz(teacherB, "Class B");
  await addCoInstructor(ownerA, a.classId, coA.email!);
  await joinClassByCode(studentA, a.joinCode);
  await joinClassByCode(studentB, b.joinCode);
  const [pupil] = await createStudentAccounts(ownerA, ZCreateStudentAccountsInput.parse({ classId: a.classId, names: "Pupil A" }));
  const pupilA = await db.user.findUniqueOrThrow({ where: { username: pupil!.username }, select: { id: true, email: true, username: true, name: true, role: true, mustChangePassword: true } });
  // Class A's pupil also joins class B by its code: a member of B, whose account B did not create.
  await joinClassByCode(pupilA, b.joinCode);
  await takeQuiz(studentA);
  await takeQuiz(studentB);
  await setExtension(ownerA, { assignmentId: a.assignmentId, studentId: studentA.id, dueAt: local(days(9)) });
  await saveGrade(ownerA, { assignmentId: a.assignmentId, studentId: studentA.id, overrideScore: 80, comment: "Good" });
  return { ownerA, coA, teacherB, admin, studentA, studentB, pupilA, a, b };
}

/** Everything a class-related action could change, to compare before and after a refused call. */
async function snapshot() {
  const [classes, instructors, members, assignments, extensions, grades, users, attempts] = await Promise.all([
    db.class.findMany({ orderBy: { id: "asc" } }),
    db.classInstructor.findMany({ orderBy: [{ classId: "asc" }, { userId: "asc" }] }),
    db.classMember.findMany({ orderBy: [{ classId: "asc" }, { userId: "asc" }] }),
    db.assignment.findMany({ orderBy: { id: "asc" } }),
    db.assignmentExtension.findMany({ orderBy: [{ assignmentId: "asc" }, { userId: "asc" }] }),
    db.assignmentGrade.findMany({ orderBy: [{ assignmentId: "asc" }, { userId: "asc" }] }),
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, passwordHash: true, sessionVersion: true, mustChangePassword: true, createdInClassId: true } }),
    db.attempt.count(),
  ]);
  return { classes, instructors, members, assignments, extensions, grades, users, attempts };
}

const accounts = (classId: string) => ZCreateStudentAccountsInput.parse({ classId, names: "Intruder" });
const dates = { opensAt: local(days(-1)), dueAt: local(days(30)), timeZone: "UTC", feedback: "NEVER" as const };

/**
 * Every class read and write, called with class A's ids (or mixing class B's with A's students).
 * A new lib function for classes belongs here, so that nobody forgets to check who may call it.
 */
const CALLS: [string, (w: TWorld, actor: TCurrentUser) => Promise<unknown>][] = [
  ["read the class", (w, u) => getTaughtClass(u, w.a.classId)],
  ["read the class name", (w, u) => getTaughtClassName(u, w.a.classId)],
  ["list its assignments", (w, u) => listClassAssignments(u, w.a.classId)],
  ["read the progress grid", (w, u) => getClassGrid(u, w.a.classId)],
  ["read the item analysis", (w, u) => getItemAnalysis(u, w.a.classId)],
  ["read the evidence heatmap", (w, u) => getEvidenceHeatmap(u, w.a.classId)],
  ["read first attempts", (w, u) => getAssignedFirstResults(u, w.a.classId)],
  ["read a student's work", (w, u) => getStudentWork(u, w.a.classId, w.studentA.id)],
  ["list accounts without email", (w, u) => listStudentAccounts(u, w.a.classId)],
  ["rename the class", (w, u) => updateClass(u, w.a.classId, { name: "Taken over", term: "x" })],
  ["make a new join code", (w, u) => setJoinCode(u, w.a.classId, true)],
  ["turn joining off", (w, u) => setJoinCode(u, w.a.classId, false)],
  ["add a co-instructor", (w, u) => addCoInstructor(u, w.a.classId, w.teacherB.email!)],
  ["remove a co-instructor", (w, u) => removeCoInstructor(u, w.a.classId, w.coA.id)],
  ["remove a student", (w, u) => removeStudent(u, w.a.classId, w.studentA.id)],
  ["assign work", (w, u) => createAssignment(u, { classId: w.a.classId, target: `activity:${w.a.quizId}`, ...dates })],
  ["change an assignment", (w, u) => updateAssignment(u, { assignmentId: w.a.assignmentId, ...dates })],
  ["delete an assignment", (w, u) => deleteAssignment(u, w.a.assignmentId)],
  ["extend a due date", (w, u) => setExtension(u, { assignmentId: w.a.assignmentId, studentId: w.studentA.id, dueAt: local(days(40)) })],
  ["remove an extension", (w, u) => removeExtension(u, w.a.assignmentId, w.studentA.id)],
  ["override a score", (w, u) => saveGrade(u, { assignmentId: w.a.assignmentId, studentId: w.studentA.id, overrideScore: 0, comment: "" })],
  ["create pupils' accounts", (w, u) => createStudentAccounts(u, accounts(w.a.classId))],
  ["reset a pupil's password", (w, u) => resetStudentPassword(u, w.a.classId, w.pupilA.id)],
];

/** Calls where the outsider uses their own class or assignment but another class's student. */
const MIXED: [string, (w: TWorld) => Promise<unknown>][] = [
  ["read A's student through B", (w) => getStudentWork(w.teacherB, w.b.classId, w.studentA.id)],
  ["extend A's student on B's assignment", (w) => setExtension(w.teacherB, { assignmentId: w.b.assignmentId, studentId: w.studentA.id, dueAt: local(days(40)) })],
  ["grade A's student on B's assignment", (w) => saveGrade(w.teacherB, { assignmentId: w.b.assignmentId, studentId: w.studentA.id, overrideScore: 0, comment: "" })],
  ["remove A's student through B", (w) => removeStudent(w.teacherB, w.b.classId, w.studentA.id)],
  // pupilA is a member of B too (joined by code), but B did not create the account.
  ["reset A's pupil through B", (w) => resetStudentPassword(w.teacherB, w.b.classId, w.pupilA.id)],
  ["remove A's co-instructor through B", (w) => removeCoInstructor(w.teacherB, w.b.classId, w.coA.id)],
];

describe("who may see and change a class", () => {
  let w: TWorld;
  beforeAll(async () => {
    w = await buildWorld();
  });

  for (const outsider of ["teacherB", "admin", "studentA", "studentB"] as const) {
    it.each(CALLS)(`${outsider} cannot %s of class A, and nothing changes`, async (_, call) => {
      const before = await snapshot();
      const refusal = await call(w, w[outsider]).then(() => null, (error: unknown) => error);
      // Another instructor (or an admin) is not even told the class exists; a student is refused by role.
      expect(refusal).toMatchObject({ code: outsider.startsWith("student") ? expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) : "NOT_FOUND" });
      expect(await snapshot()).toEqual(before);
    });
  }

  it.each(MIXED)("an instructor cannot %s; nothing changes", async (_, call) => {
    const before = await snapshot();
    await expect(call(w)).rejects.toMatchObject({ code: expect.stringMatching(/^(NOT_FOUND|INVALID|FORBIDDEN)$/) });
    expect(await snapshot()).toEqual(before);
  });

  it("outsiders' lists do not include the class, and a student's assigned work is only their classes'", async () => {
    expect((await listTaughtClasses(w.teacherB)).map((c) => c.id)).toEqual([w.b.classId]);
    expect(await listTaughtClasses(w.admin)).toEqual([]);
    expect((await getAssignedWork(w.studentB)).map((item) => item.id)).toEqual([w.b.assignmentId]);
    const studentBWork = await getStudentWork(w.teacherB, w.b.classId, w.studentB.id);
    expect(JSON.stringify(studentBWork)).not.toContain(w.studentA.id);
  });

  it("a co-instructor reads and changes the class like its owner", async () => {
    const grid = await getClassGrid(w.coA, w.a.classId);
    expect(grid.rows.map((r) => r.student.id).sort()).toEqual([w.studentA.id, w.pupilA.id].sort());
    expect(grid.rows.find((r) => r.student.id === w.studentA.id)!.cells[0]).toMatchObject({ status: "done", score: 80, extended: true });
    await saveGrade(w.coA, { assignmentId: w.a.assignmentId, studentId: w.studentA.id, overrideScore: 75, comment: "Checked twice" });
    expect((await getClassGrid(w.ownerA, w.a.classId)).rows.find((r) => r.student.id === w.studentA.id)!.cells[0]!.score).toBe(75);
    // The owner stays: a co-instructor cannot remove them.
    await expect(removeCoInstructor(w.coA, w.a.classId, w.ownerA.id)).rejects.toMatchObject({ code: "INVALID" });
    // Class A created pupilA's account: its co-instructor gives them a new one-time password (B cannot, above).
    expect(await resetStudentPassword(w.coA, w.a.classId, w.pupilA.id)).toMatchObject({ username: w.pupilA.username });
  });

  it("a code turned off or replaced no longer lets anyone join; the new one does", async () => {
    const { joinCode: old } = await db.class.findUniqueOrThrow({ where: { id: w.a.classId }, select: { joinCode: true } });
    const newcomer = await createUser("STUDENT");
    await setJoinCode(w.ownerA, w.a.classId, false);
    await expect(joinClassByCode(newcomer, old!)).rejects.toMatchObject({ code: "INVALID" });
    await setJoinCode(w.ownerA, w.a.classId, true);
    const { joinCode: fresh } = await db.class.findUniqueOrThrow({ where: { id: w.a.classId }, select: { joinCode: true } });
    expect(fresh).not.toBe(old);
    await expect(joinClassByCode(newcomer, old!)).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.classMember.count({ where: { classId: w.a.classId, userId: newcomer.id } })).toBe(0);
    await joinClassByCode(newcomer, fresh!.toLowerCase());
    expect(await db.classMember.count({ where: { classId: w.a.classId, userId: newcomer.id } })).toBe(1);
  });
});

describe("adding a co-instructor", () => {
  const teachers = async (owner: TCurrentUser, classId: string) =>
    (await getTaughtClass(owner, classId)).instructors.map((i) => ({ id: i.user.id, isOwner: i.isOwner }));

  it("someone who already teaches the class is refused with a message saying so, and the list stays as it was", async () => {
    const [owner, co] = await Promise.all([createUser("INSTRUCTOR"), createUser("INSTRUCTOR")]);
    const { id: classId } = await createClass(owner, { name: "Co-teaching", term: "Autumn" });
    await addCoInstructor(owner, classId, co.email!);
    const before = await teachers(owner, classId);
    expect(before).toEqual([
      { id: owner.id, isOwner: true },
      { id: co.id, isOwner: false },
    ]);

    await expect(addCoInstructor(owner, classId, owner.email!)).rejects.toMatchObject({ code: "CONFLICT", message: "You already teach this class." });
    await expect(addCoInstructor(owner, classId, co.email!)).rejects.toMatchObject({ code: "CONFLICT", message: `${co.email} already teaches this class.` });
    await expect(addCoInstructor(co, classId, owner.email!)).rejects.toMatchObject({ code: "CONFLICT", message: `${owner.email} already teaches this class.` });
    await expect(addCoInstructor(co, classId, co.email!)).rejects.toMatchObject({ code: "CONFLICT", message: "You already teach this class." });
    expect(await teachers(owner, classId)).toEqual(before);
  });
});

describe("the progress grid's cost", () => {
  const queries = vi.spyOn(pg.Client.prototype, "query");
  afterEach(() => queries.mockClear());

  async function countQueries(fn: () => Promise<unknown>) {
    queries.mockClear();
    await fn();
    return queries.mock.calls.length;
  }

  it("takes the same number of SQL statements for 3 students as for 40 (no query per student or item)", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { classId, joinCode } = await classWithQuiz(teacher, "Size test");
    const firstModule = await db.module.findFirstOrThrow({ select: { id: true } });
    await createAssignment(teacher, { classId, target: `module:${firstModule.id}`, ...dates });
    const join = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const s = await createUser("STUDENT");
        await joinClassByCode(s, joinCode);
        if (i % 3 === 0) await takeQuiz(s);
      }
    };
    await join(3);
    const small = await countQueries(() => getClassGrid(teacher, classId));
    await join(37);
    const large = await countQueries(() => getClassGrid(teacher, classId));
    expect((await getClassGrid(teacher, classId)).rows).toHaveLength(40);
    expect(large).toBe(small);
    // The access check, five reads and one aggregate, plus the driver's own statements around them.
    expect(small).toBeLessThanOrEqual(15);
  });
});
