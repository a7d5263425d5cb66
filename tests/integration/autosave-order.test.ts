import { describe, expect, it } from "vitest";
import { saveAnswer } from "@/lib/attempts/save-answer";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import { AppError } from "@/lib/errors";
import { createUser, db } from "./helpers";

const QUIZ = "september-2023-quiz";
// q7 is a single choice question of the quiz, options a to d.
const pick = (option: string) => ({ selected: [option] });
const stored = async (attemptId: string) =>
  (await db.answer.findUniqueOrThrow({ where: { attemptId_questionId: { attemptId, questionId: "q7" } }, select: { value: true } })).value;
const inFuture = (seconds: number) => new Date(Date.now() + seconds * 1000);

/** The error a refused save throws, with the answer that was kept, or a failure naming what happened instead. */
async function refusal(save: Promise<unknown>) {
  try {
    await save;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error("the save was accepted");
}

describe("autosave keeps the answer of the tab's latest save, whatever the device clocks say (issue 15)", () => {
  it("a device whose clock runs fast does not override a later answer", async () => {
    const user = await createUser();
    const attemptId = await startOrResumeAttempt(user, QUIZ);
    // The learner's first answer, from a device 50 s fast, then a change of mind from a correct clock.
    await saveAnswer(user, { attemptId, questionId: "q7", value: pick("a"), seq: 1, answeredAt: inFuture(50) });
    await saveAnswer(user, { attemptId, questionId: "q7", value: pick("b"), seq: 2, answeredAt: new Date() });
    expect(await stored(attemptId)).toEqual(pick("b"));
  });

  it("a save not kept is refused with the kept answer, so the tab can say so; a replay of the kept one is accepted", async () => {
    const user = await createUser();
    const attemptId = await startOrResumeAttempt(user, QUIZ);
    // Both tabs loaded the attempt with nothing saved; the second tab saves first, then the first tab.
    await saveAnswer(user, { attemptId, questionId: "q7", value: pick("b"), seq: 1, answeredAt: new Date() });
    const refused = await refusal(saveAnswer(user, { attemptId, questionId: "q7", value: pick("a"), seq: 1, answeredAt: inFuture(55) }));
    expect(refused).toEqual({ code: "CONFLICT", message: expect.stringMatching(/another tab or device/), details: { questionId: "q7", kept: { value: pick("b"), seq: 1 } } });
    // An older save arriving late (an offline queue's replay) is refused the same way.
    await saveAnswer(user, { attemptId, questionId: "q7", value: pick("c"), seq: 4, answeredAt: new Date() });
    expect((await refusal(saveAnswer(user, { attemptId, questionId: "q7", value: pick("d"), seq: 3, answeredAt: inFuture(59) }))).details).toEqual({
      questionId: "q7",
      kept: { value: pick("c"), seq: 4 },
    });
    // The same save sent twice (a retry after a lost response) is fine, and so is an old save of the kept value.
    await expect(saveAnswer(user, { attemptId, questionId: "q7", value: pick("c"), seq: 4, answeredAt: new Date() })).resolves.toMatchObject({ seq: 4 });
    await expect(saveAnswer(user, { attemptId, questionId: "q7", value: pick("c"), seq: 2, answeredAt: new Date() })).resolves.toMatchObject({ seq: 4 });
    // The tab that was told counts on from the kept number: its next save wins.
    await saveAnswer(user, { attemptId, questionId: "q7", value: pick("a"), seq: 5, answeredAt: new Date() });
    expect(await stored(attemptId)).toEqual(pick("a"));
  });

  it("a save without a number (a script, a tab from before this rule) is kept in the order it arrives", async () => {
    const user = await createUser();
    const attemptId = await startOrResumeAttempt(user, QUIZ);
    await saveAnswer(user, { attemptId, questionId: "q7", value: pick("a"), seq: 3, answeredAt: new Date() });
    await expect(saveAnswer(user, { attemptId, questionId: "q7", value: pick("b"), answeredAt: new Date(0) })).resolves.toMatchObject({ seq: 4 });
    expect(await stored(attemptId)).toEqual(pick("b"));
  });

  it("submitting grades the kept answers: an older one carried by the submission does not replace them", async () => {
    const user = await createUser();
    const attemptId = await startOrResumeAttempt(user, QUIZ);
    await saveAnswer(user, { attemptId, questionId: "q7", value: pick("b"), seq: 2, answeredAt: new Date() });
    await submitAttempt(user, { attemptId, answers: [{ questionId: "q7", value: pick("a"), seq: 1, answeredAt: inFuture(50) }] });
    expect(await stored(attemptId)).toEqual(pick("b"));
  });
});
