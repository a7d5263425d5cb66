import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { feedbackFor } from "@/lib/assignments/feedback-policy";
import { createAssignment, deleteAssignment, saveGrade, setExtension } from "@/lib/assignments/mutations";
import { getAssignedWork } from "@/lib/assignments/queries";
import { getActivityForLearner } from "@/lib/attempts/queries";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttemptForLearner } from "@/lib/attempts/submit-for-learner";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TActivity } from "@/lib/content/activity-schema";
import { createClass, joinClassByCode } from "@/lib/classes/mutations";
import { getCourseOverview, getModuleForLearner } from "@/lib/learning/queries";
import { createUser, db } from "./helpers";

type TPolicy = "IMMEDIATE" | "AFTER_DUE" | "NEVER";
const local = (d: Date) => d.toISOString().slice(0, 16);
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

/**
 * A fresh published module with one activity (a copy of the warm-up practice), so that the assignments of
 * one test, which by the self-study rule reach every learner, never touch another test's activity.
 */
async function newActivity() {
  const tag = randomBytes(4).toString("hex");
  const src = await db.activity.findUniqueOrThrow({
    where: { slug: "reading-sources-practice" },
    select: { kind: true, definition: true, publicDefinition: true },
  });
  const slug = `withheld-${tag}-practice`;
  const definition = { ...(src.definition as object), slug };
  const publicDefinition = { ...(src.publicDefinition as object), slug };
  const mod = await db.module.create({
    data: { slug: `withheld-${tag}`, order: 900, title: `Withheld ${tag}`, summary: "A test module.", timeline: [], keyTerms: [] },
    select: { id: true, slug: true },
  });
  const activity = await db.activity.create({
    data: {
      slug,
      moduleId: mod.id,
      order: 1,
      kind: src.kind,
      title: `Practice ${tag}`,
      definition,
      publicDefinition,
      versions: { create: { version: 1, title: `Practice ${tag}`, definition, publicDefinition, createdByName: "test", note: "test copy" } },
    },
    select: { id: true, slug: true },
  });
  return { id: activity.id, slug: activity.slug, moduleId: mod.id, moduleSlug: mod.slug, definition: definition as TActivity };
}

type TActivityRef = Awaited<ReturnType<typeof newActivity>>;

async function classWith(activity: TActivityRef, feedback: TPolicy, dueInDays: number, { module = false } = {}) {
  const teacher = await createUser("INSTRUCTOR");
  const { id: classId } = await createClass(teacher, { name: "10B", term: "Autumn" });
  const { id: assignmentId } = await createAssignment(teacher, {
    classId,
    target: module ? `module:${activity.moduleId}` : `activity:${activity.id}`,
    opensAt: local(days(Math.min(dueInDays, 0) - 2)),
    dueAt: local(days(dueInDays)),
    timeZone: "UTC",
    feedback,
  });
  const join = async (user: TCurrentUser) => {
    const { joinCode } = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
    await joinClassByCode(user, joinCode!);
  };
  return { teacher, classId, assignmentId, join };
}

/** A poor attempt: the first question answered right, the rest left empty. */
async function takePoorly(user: TCurrentUser, activity: TActivityRef) {
  const attemptId = await startOrResumeAttempt(user, activity.slug);
  const q = activity.definition.questions.find((x) => x.type === "choice")!;
  const answer = q.type === "choice" ? { selected: q.answer } : {};
  return submitAttemptForLearner(user, { attemptId, answers: [{ questionId: q.id, value: answer, answeredAt: new Date() }] });
}

/**
 * Every number or result a learner-facing read hands over for scores, whatever its shape: values under
 * `score`, `maxScore`, `result`, `best`, `latest` and mastery's `share` that are not null.
 */
function scoresIn(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) scoresIn(v, out);
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      if (["score", "maxScore", "result", "best", "latest", "share"].includes(k) && v !== null && v !== undefined) out.push({ [k]: v });
      else scoresIn(v, out);
    }
  }
  return out;
}

/** Everything the learner's pages read about `activity`, as the pages get it. */
async function learnerReads(user: TCurrentUser, activity: TActivityRef) {
  const overview = await getCourseOverview(user);
  const mod = overview.modules.find((m) => m.slug === activity.moduleSlug)!;
  return {
    activityPage: await getActivityForLearner(user, activity.slug),
    modulePage: (await getModuleForLearner(user, activity.moduleSlug)).activities,
    overview: { activities: mod.activities, mastery: overview.mastery, nextStep: overview.nextStep },
    assignedWork: (await getAssignedWork(user)).map(({ activities: _a, ...w }) => w),
  };
}

describe("one feedback decision for every learner-facing read", () => {
  const cases: { name: string; feedback: TPolicy; due: number; shown: boolean }[] = [
    { name: "immediately", feedback: "IMMEDIATE", due: 7, shown: true },
    { name: "after the due date, before it", feedback: "AFTER_DUE", due: 7, shown: false },
    { name: "after the due date, once it passed", feedback: "AFTER_DUE", due: -1, shown: true },
    { name: "never (due date passed)", feedback: "NEVER", due: -1, shown: false },
  ];
  for (const c of cases) {
    it(`feedback ${c.name}: the submit response, activity page, module page, overview, mastery and assigned work ${c.shown ? "show" : "hide"} the score`, async () => {
      const activity = await newActivity();
      const k = await classWith(activity, c.feedback, c.due);
      const student = await createUser("STUDENT");
      await k.join(student);
      const submitted = await takePoorly(student, activity);
      const reads = await learnerReads(student, activity);
      if (c.shown) {
        expect(submitted.score).toBeGreaterThan(0);
        expect(reads.activityPage.viewed?.result?.questions.length).toBeGreaterThan(0);
        for (const [where, read] of Object.entries(reads)) expect(scoresIn(read), where).not.toEqual([]);
      } else {
        expect(submitted).toEqual({ submitted: true });
        for (const [where, read] of Object.entries(reads)) expect(scoresIn(read), where).toEqual([]);
        expect(reads.activityPage.withheld).toMatchObject({ by: "your-class" });
      }
    });
  }

  it("a teacher's score override follows the same decision: hidden while feedback is withheld, shown once released", async () => {
    const activity = await newActivity();
    const k = await classWith(activity, "AFTER_DUE", 7, { module: true });
    const student = await createUser("STUDENT");
    await k.join(student);
    await takePoorly(student, activity);
    await saveGrade(k.teacher, { assignmentId: k.assignmentId, studentId: student.id, overrideScore: 88, comment: "See me." });
    expect((await getAssignedWork(student))[0]).toMatchObject({ score: null, scoreWithheld: true, comment: "See me." });
    await db.assignment.update({ where: { id: k.assignmentId }, data: { opensAt: days(-3), dueAt: days(-1) } });
    expect((await getAssignedWork(student))[0]).toMatchObject({ score: 88, scoreWithheld: false });
  });
});

describe("the self-study rule: a class at work withholds the key from everyone else", () => {
  it("'never' in any class hides score and key from a second account outside it, until the assignment is removed", async () => {
    const activity = await newActivity();
    const k = await classWith(activity, "NEVER", -1, { module: true });
    const outsider = await createUser("STUDENT");
    const submitted = await takePoorly(outsider, activity);
    expect(submitted).toEqual({ submitted: true });
    const reads = await learnerReads(outsider, activity);
    for (const [where, read] of Object.entries(reads)) expect(scoresIn(read), where).toEqual([]);
    expect(reads.activityPage.withheld).toEqual({ by: "a-class" });

    await deleteAssignment(k.teacher, k.assignmentId);
    const after = await getActivityForLearner(outsider, activity.slug);
    expect(after.withheld).toBeNull();
    expect(after.viewed?.result?.questions.length).toBeGreaterThan(0);
  });

  it("'after the due date' holds for outsiders until the last extension has passed, then releases", async () => {
    const activity = await newActivity();
    const k = await classWith(activity, "AFTER_DUE", 2);
    const pupil = await createUser("STUDENT");
    await k.join(pupil);
    const outsider = await createUser("STUDENT");
    await takePoorly(outsider, activity);
    expect((await getActivityForLearner(outsider, activity.slug)).withheld).toEqual({ by: "a-class" });

    // The class's due date has passed, but one pupil has until next week: the class is still at work.
    await db.assignment.update({ where: { id: k.assignmentId }, data: { opensAt: days(-5), dueAt: days(-1) } });
    await setExtension(k.teacher, { assignmentId: k.assignmentId, studentId: pupil.id, dueAt: local(days(6)) });
    expect((await getActivityForLearner(outsider, activity.slug)).withheld).toEqual({ by: "a-class" });
    expect((await feedbackFor(outsider, { now: days(7) })).withheld(activity.id)).toBeNull();

    await db.assignmentExtension.updateMany({ where: { assignmentId: k.assignmentId }, data: { dueAt: days(-0.5) } });
    const released = await getActivityForLearner(outsider, activity.slug);
    expect(released.withheld).toBeNull();
    expect(released.best?.score).toBeGreaterThan(0);
  });

  it("a learner's own classes decide for them: shown where their teacher shows it, never where their class says never", async () => {
    const activity = await newActivity();
    const never = await classWith(activity, "NEVER", -1);
    const immediate = await classWith(activity, "IMMEDIATE", 7);
    const inImmediate = await createUser("STUDENT");
    await immediate.join(inImmediate);
    expect((await takePoorly(inImmediate, activity)).score).toBeGreaterThan(0);

    const inNever = await createUser("STUDENT");
    await never.join(inNever);
    await takePoorly(inNever, activity);
    // The other class's "immediately" does not undo this class's "never", nor does the passed due date.
    expect((await getActivityForLearner(inNever, activity.slug)).withheld).toEqual({ by: "your-class", until: null, timeZone: "UTC" });
    await immediate.join(inNever);
    expect((await getActivityForLearner(inNever, activity.slug)).withheld).toMatchObject({ by: "your-class", until: null });
  });

  it("an immediate assignment elsewhere, or none, leaves self-study alone", async () => {
    const activity = await newActivity();
    await classWith(activity, "IMMEDIATE", 7);
    const outsider = await createUser("STUDENT");
    expect((await takePoorly(outsider, activity)).score).toBeGreaterThan(0);
    expect((await getActivityForLearner(outsider, activity.slug)).withheld).toBeNull();
  });
});

describe("the decision's cost", () => {
  const queries = vi.spyOn(pg.Client.prototype, "query");
  afterEach(() => queries.mockClear());

  it("is one SQL statement, however many classes and assignments there are", async () => {
    const activity = await newActivity();
    const student = await createUser("STUDENT");
    for (const feedback of ["NEVER", "AFTER_DUE", "IMMEDIATE"] as const) await (await classWith(activity, feedback, 3)).join(student);
    for (let i = 0; i < 5; i++) await classWith(activity, "AFTER_DUE", 3, { module: i % 2 === 0 });
    for (const activityIds of [undefined, [activity.id]]) {
      queries.mockClear();
      const feedback = await feedbackFor(student, { activityIds });
      expect(queries.mock.calls.length).toBe(1);
      expect(feedback.withheld(activity.id)).toMatchObject({ by: "your-class", until: null });
    }
  });
});
