import { z } from "zod";

const ZId = z.string().min(1).max(100);

/** One autosaved answer; `answeredAt` is the learner's clock, so a late replay never overwrites a newer answer. */
export const ZSaveAnswerInput = z.object({
  attemptId: ZId,
  questionId: ZId,
  value: z.unknown(),
  // A clock far ahead would freeze the answer against later saves: no later than a minute from now.
  answeredAt: z.coerce.date().transform((d) => new Date(Math.min(d.getTime(), Date.now() + 60_000))),
});
export type TSaveAnswerInput = z.infer<typeof ZSaveAnswerInput>;

/** Submission carries every answer the browser holds, so nothing typed offline is lost by submitting. */
export const ZSubmitAttemptInput = z.object({
  attemptId: ZId,
  answers: z.array(ZSaveAnswerInput.omit({ attemptId: true })).max(200).default([]),
});
export type TSubmitAttemptInput = z.infer<typeof ZSubmitAttemptInput>;
