import { z } from "zod";
import { isWithinJsonBounds } from "@/lib/json-bounds";

const ZId = z.string().min(1).max(100);

export const ANSWER_TOO_DEEP_MESSAGE = "That answer has more parts than any question takes, so it cannot be saved.";

/**
 * A learner's answer, before its question's own schema (lib/content/answer-schema.ts) checks its shape.
 * The deepest real answer (a claim grid's cells) nests 3 levels and the largest holds about 1,500
 * values; anything far past that is refused here, before the answer is walked or stored (issue 15).
 */
export const ZAnswerValue = z.unknown().refine((v) => isWithinJsonBounds(v, 6, 5_000), ANSWER_TOO_DEEP_MESSAGE);

/** One autosaved answer; `answeredAt` is the learner's clock, so a late replay never overwrites a newer answer. */
export const ZSaveAnswerInput = z.object({
  attemptId: ZId,
  questionId: ZId,
  value: ZAnswerValue,
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
