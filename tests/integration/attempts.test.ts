import { describe, expect, it } from "vitest";
import { saveAnswer } from "@/lib/attempts/save-answer";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import type { TActivity } from "@/lib/content/activity-schema";
import { AppError } from "@/lib/errors";
import { createUser, db } from "./helpers";

const QUIZ = "september-2023-quiz";

async function firstChoiceQuestion() {
  const activity = await db.activity.findUniqueOrThrow({ where: { slug: QUIZ }, select: { definition: true } });
  const def = activity.definition as TActivity;
  const q = def.questions.find((x) => x.type === "choice");
  if (!q || q.type !== "choice") throw new Error("the quiz needs a choice question");
  const wrong = q.options.find((o) => !q.answer.includes(o.id))!;
  return { id: q.id, right: q.answer, wrong: [wrong.id] };
}

const expectAppError = async (p: Promise<unknown>, code: string) => {
  await expect(p).rejects.toBeInstanceOf(AppError);
  await expect(p).rejects.toMatchObject({ code });
};

describe("attempts", () => {
  it("opening the quiz in two tabs at once yields one attempt", async () => {
    const user = await createUser();
    const ids = await Promise.all([startOrResumeAttempt(user, QUIZ), startOrResumeAttempt(user, QUIZ), startOrResumeAttempt(user, QUIZ)]);
    expect(new Set(ids).size).toBe(1);
    expect(await db.attempt.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a double-clicked submit grades exactly once and both requests get the same result", async () => {
    const user = await createUser();
    const attemptId = await startOrResumeAttempt(user, QUIZ);
    const q = await firstChoiceQuestion();
    await saveAnswer(user, { attemptId, questionId: q.id, value: { selected: q.right }, answeredAt: new Date() });

    const [a, b] = await Promise.all([submitAttempt(user, { attemptId, answers: [] }), submitAttempt(user, { attemptId, answers: [] })]);
    expect(a).toEqual(b);
    expect(a.questions.find((r) => r.id === q.id)?.fraction).toBe(1);
    const rows = await db.attempt.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("SUBMITTED");
    expect(rows[0]!.score).toBe(a.score);
  });

  it("concurrent submits from two sessions carrying different answers keep the first winner's grade", async () => {
    const user = await createUser();
    const attemptId = await startOrResumeAttempt(user, QUIZ);
    const q = await firstChoiceQuestion();
    const now = new Date();
    const results = await Promise.all([
      submitAttempt(user, { attemptId, answers: [{ questionId: q.id, value: { selected: q.right }, answeredAt: now }] }),
      submitAttempt(user, { attemptId, answers: [{ questionId: q.id, value: { selected: q.wrong }, answeredAt: now }] }),
    ]);
    expect(results[0]).toEqual(results[1]);
    expect(await db.attempt.count({ where: { userId: user.id, status: "SUBMITTED" } })).toBe(1);
  });

  it("a retried submit after the attempt was graded returns the stored result and changes nothing", async () => {
    const user = await createUser();
    const attemptId = await startOrResumeAttempt(user, QUIZ);
    const first = await submitAttempt(user, { attemptId, answers: [] });
    const q = await firstChoiceQuestion();
    const again = await submitAttempt(user, { attemptId, answers: [{ questionId: q.id, value: { selected: q.right }, answeredAt: new Date() }] });
    expect(again).toEqual(first);
    expect(await db.answer.count({ where: { attemptId } })).toBe(0);
  });

  it("a student cannot save to or submit another student's attempt, and nothing is written", async () => {
    const owner = await createUser();
    const intruder = await createUser();
    const attemptId = await startOrResumeAttempt(owner, QUIZ);
    const q = await firstChoiceQuestion();
    await expectAppError(saveAnswer(intruder, { attemptId, questionId: q.id, value: { selected: q.right }, answeredAt: new Date() }), "NOT_FOUND");
    await expectAppError(submitAttempt(intruder, { attemptId, answers: [] }), "NOT_FOUND");
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.status).toBe("IN_PROGRESS");
    expect(await db.answer.count({ where: { attemptId } })).toBe(0);
  });

  it("an answer replayed late from an offline queue never overwrites a newer one", async () => {
    const user = await createUser();
    const attemptId = await startOrResumeAttempt(user, QUIZ);
    const q = await firstChoiceQuestion();
    // The tab's later save (number 2) arrives first; its earlier one (number 1) is refused with the kept answer.
    await saveAnswer(user, { attemptId, questionId: q.id, value: { selected: q.right }, seq: 2, answeredAt: new Date() });
    await expectAppError(saveAnswer(user, { attemptId, questionId: q.id, value: { selected: q.wrong }, seq: 1, answeredAt: new Date() }), "CONFLICT");
    const stored = await db.answer.findUniqueOrThrow({ where: { attemptId_questionId: { attemptId, questionId: q.id } } });
    expect(stored.value).toEqual({ selected: q.right });
  });

  it("answers to a submitted attempt, to unknown questions, or of the wrong shape are refused", async () => {
    const user = await createUser();
    const attemptId = await startOrResumeAttempt(user, QUIZ);
    const q = await firstChoiceQuestion();
    await expectAppError(saveAnswer(user, { attemptId, questionId: "no-such-question", value: {}, answeredAt: new Date() }), "INVALID");
    await expectAppError(saveAnswer(user, { attemptId, questionId: q.id, value: { selected: "not-a-list" }, answeredAt: new Date() }), "INVALID");
    await submitAttempt(user, { attemptId, answers: [] });
    await expectAppError(saveAnswer(user, { attemptId, questionId: q.id, value: { selected: q.right }, answeredAt: new Date() }), "CONFLICT");
  });

  it("a retake opens a new attempt and keeps the earlier ones", async () => {
    const user = await createUser();
    const first = await startOrResumeAttempt(user, QUIZ);
    await submitAttempt(user, { attemptId: first, answers: [] });
    const second = await startOrResumeAttempt(user, QUIZ);
    expect(second).not.toBe(first);
    const rows = await db.attempt.findMany({ where: { userId: user.id }, orderBy: { number: "asc" } });
    expect(rows.map((r) => [r.number, r.status])).toEqual([[1, "SUBMITTED"], [2, "IN_PROGRESS"]]);
  });

  it("an autosave racing a submission is either graded or refused, never stored unseen after grading", async () => {
    for (let round = 0; round < 5; round++) {
      const user = await createUser();
      const attemptId = await startOrResumeAttempt(user, QUIZ);
      const q = await firstChoiceQuestion();
      const [saved, result] = await Promise.allSettled([
        saveAnswer(user, { attemptId, questionId: q.id, value: { selected: q.right }, answeredAt: new Date() }),
        submitAttempt(user, { attemptId, answers: [] }),
      ]);
      expect(result.status).toBe("fulfilled");
      const graded = (result as PromiseFulfilledResult<Awaited<ReturnType<typeof submitAttempt>>>).value.questions.find((r) => r.id === q.id)!;
      const stored = await db.answer.count({ where: { attemptId, questionId: q.id } });
      if (saved.status === "rejected") expect(saved.reason).toMatchObject({ code: "CONFLICT" });
      expect(graded.answered).toBe(stored === 1);
    }
  });
});
