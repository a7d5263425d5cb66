import { describe, expect, it } from "vitest";
import { saveAnswer } from "@/lib/attempts/save-answer";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import { getActivityForLearner } from "@/lib/attempts/queries";
import { getCourseOverview, getLessonProgress } from "@/lib/learning/queries";
import { recordLessonVisit, setLessonComplete } from "@/lib/learning/mutations";
import type { TActivity } from "@/lib/content/activity-schema";
import { createUser, db } from "./helpers";

describe("learning progress", () => {
  it("lesson completion and reading position are saved per learner and shown on the overview", async () => {
    const me = await createUser();
    const other = await createUser();
    const lesson = await db.lesson.findFirstOrThrow({ where: { module: { slug: "september-2023" } }, orderBy: { order: "asc" }, select: { id: true, slug: true } });
    const ref = { moduleSlug: "september-2023", lessonSlug: lesson.slug };
    await recordLessonVisit(me, { ...ref, position: 0.4 });
    await setLessonComplete(me, { ...ref, completed: true });

    const mine = await getLessonProgress(me, ref);
    expect(mine.completed).toBe(true);
    expect(mine.position).toBeCloseTo(0.4);
    const theirs = await getLessonProgress(other, ref);
    expect(theirs).toEqual({ completed: false, position: 0 });

    const overview = await getCourseOverview(me);
    expect(overview.resume?.slug).toBe(lesson.slug);
    expect(overview.modules.find((m) => m.slug === "september-2023")?.lessonsDone).toBe(1);
    await expect(setLessonComplete(me, { moduleSlug: "september-2023", lessonSlug: "no-such-lesson", completed: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("nobody but an admin records progress on a draft lesson or a lesson of a draft module", async () => {
    const [student, instructor, admin] = await Promise.all([createUser("STUDENT"), createUser("INSTRUCTOR"), createUser("ADMIN")]);
    const lesson = await db.lesson.findFirstOrThrow({ where: { module: { slug: "war-2020" } }, select: { id: true, slug: true, moduleId: true } });
    const ref = { moduleSlug: "war-2020", lessonSlug: lesson.slug };
    const rows = () => db.lessonProgress.count({ where: { lessonId: lesson.id, userId: { in: [student.id, instructor.id, admin.id] } } });
    for (const draft of [() => db.lesson.update({ where: { id: lesson.id }, data: { status: "DRAFT" } }), () => db.module.update({ where: { id: lesson.moduleId }, data: { status: "DRAFT" } })]) {
      await draft();
      for (const learner of [student, instructor]) {
        await expect(setLessonComplete(learner, { ...ref, completed: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(recordLessonVisit(learner, { ...ref, position: 0.5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      expect(await rows()).toBe(0);
      await db.lesson.update({ where: { id: lesson.id }, data: { status: "PUBLISHED" } });
      await db.module.update({ where: { id: lesson.moduleId }, data: { status: "PUBLISHED" } });
    }
    // An admin previews drafts where learners will find them, so their own progress is kept.
    await db.lesson.update({ where: { id: lesson.id }, data: { status: "DRAFT" } });
    await recordLessonVisit(admin, { ...ref, position: 0.5 });
    await db.lesson.update({ where: { id: lesson.id }, data: { status: "PUBLISHED" } });
    expect(await rows()).toBe(1);
  });

  it("the answer key is not in what the quiz page loads before submission, and is after", async () => {
    const user = await createUser();
    await startOrResumeAttempt(user, "september-2023-quiz");
    const before = JSON.stringify(await getActivityForLearner(user, "september-2023-quiz"));
    const activity = await db.activity.findUniqueOrThrow({ where: { slug: "september-2023-quiz" }, select: { definition: true } });
    const def = activity.definition as { questions: Array<{ type: string; explanation?: string; axes?: Array<{ explanation: string }> }> };
    // Compared as they appear inside JSON (quotes escaped), since that is what is searched.
    const explanations = (def.questions.flatMap((q) => [q.explanation, ...(q.axes ?? []).map((a) => a.explanation)]).filter(Boolean) as string[]).map(
      (text) => JSON.stringify(text).slice(1, -1),
    );
    expect(explanations.length).toBeGreaterThan(0);
    for (const text of explanations) expect(before).not.toContain(text);

    const open = await db.attempt.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } });
    await submitAttempt(user, { attemptId: open.id, answers: [] });
    const after = JSON.stringify(await getActivityForLearner(user, "september-2023-quiz"));
    expect(after).toContain(explanations[0]!);
  });

  it("the overview shows a quiz with saved answers as in progress, with how many are answered, until it is submitted", async () => {
    const user = await createUser();
    const quizOf = async () =>
      (await getCourseOverview(user)).modules.flatMap((m) => m.activities).find((a) => a.slug === "september-2023-quiz")!;
    expect(await quizOf()).toMatchObject({ best: null, inProgress: null });

    const attemptId = await startOrResumeAttempt(user, "september-2023-quiz");
    const activity = await db.activity.findUniqueOrThrow({ where: { slug: "september-2023-quiz" }, select: { definition: true } });
    const { questions } = activity.definition as TActivity;
    const choices = questions.flatMap((q) => (q.type === "choice" ? [q] : [])).slice(0, 2);
    expect(choices).toHaveLength(2);
    for (const q of choices) await saveAnswer(user, { attemptId, questionId: q.id, value: { selected: [q.options[0]!.id] }, answeredAt: new Date() });
    expect(await quizOf()).toMatchObject({ best: null, inProgress: { answered: 2, total: questions.length } });

    await submitAttempt(user, { attemptId, answers: [] });
    expect(await quizOf()).toMatchObject({ best: expect.objectContaining({ maxScore: expect.any(Number) }), inProgress: null });
  });

  it("mastery per skill follows the latest submitted attempts", async () => {
    const user = await createUser();
    const attemptId = await startOrResumeAttempt(user, "september-2023-quiz");
    await submitAttempt(user, { attemptId, answers: [] });
    const { mastery, nextStep } = await getCourseOverview(user);
    expect(mastery.perspective.share).toBe(0);
    expect(mastery.perspective.questions).toBeGreaterThan(0);
    expect(mastery.chronology.share).toBeNull();
    // The next step is the first skill not yet practised, with an activity that practises it.
    expect(nextStep?.skill).toBe("comparison");
    expect(nextStep?.href).toMatch(/^\/learn\/[\w-]+\/activities\/[\w-]+$/);
  });
});
