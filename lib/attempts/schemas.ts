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

/**
 * One autosaved answer. `seq` is the tab's save number for the attempt: the server keeps a save only over
 * a lower one (decision 006). Without it (a script, a tab loaded before the rule) the save is kept in
 * the order it arrives. `answeredAt`, the learner's clock, is kept for the record and orders nothing.
 */
export const ZSaveAnswerInput = z.object({
  attemptId: ZId,
  questionId: ZId,
  value: ZAnswerValue,
  seq: z.number().int().min(1).max(2_000_000_000).optional(),
  // A clock far ahead is recorded as a minute from now at most.
  answeredAt: z.coerce
    .date()
    .optional()
    .transform((d) => new Date(Math.min((d ?? new Date()).getTime(), Date.now() + 60_000))),
});
export type TSaveAnswerInput = z.infer<typeof ZSaveAnswerInput>;

/** Submission carries every answer the browser holds, so nothing typed offline is lost by submitting. */
export const ZSubmitAttemptInput = z.object({
  attemptId: ZId,
  answers: z.array(ZSaveAnswerInput.omit({ attemptId: true })).max(200).default([]),
});
export type TSubmitAttemptInput = z.infer<typeof ZSubmitAttemptInput>;
