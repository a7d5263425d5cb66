import { z } from "zod";
import { ZCell, type TQuestionType } from "./activity-schema";

// Learner answers. Every field may be missing or empty so a half-finished attempt can be autosaved.

const ZIdList = z.array(z.string().max(100)).max(200);
/** At most `max` keys: a learner's answer can never grow beyond what any question could need. */
const limitKeys = (max: number) => (o: object) => Object.keys(o).length <= max;
const ZIdMap = z.record(z.string().max(100), z.string().max(100)).refine(limitKeys(200), "Too many entries.");

export const ZAnswerByType = {
  choice: z.object({ selected: ZIdList.default(() => []) }),
  perspective: z.object({ axes: ZIdMap.default(() => ({})) }),
  /** Character offsets into the source body string, end exclusive. */
  evidence: z.object({ ranges: z.array(z.tuple([z.number().int(), z.number().int()])).max(500).default(() => []) }),
  "claim-grid": z.object({
    cells: z
      .record(z.string().max(100), z.record(z.string().max(100), ZCell).refine(limitKeys(10), "Too many entries."))
      .refine(limitKeys(100), "Too many entries.")
      .default(() => ({})),
  }),
  match: z.object({ pairs: ZIdMap.default(() => ({})) }),
  order: z.object({ order: ZIdList.default(() => []) }),
  corroboration: z.object({ flagged: ZIdList.default(() => []) }),
  written: z.object({ text: z.string().max(5000).default("") }),
} as const satisfies Record<TQuestionType, z.ZodType>;

export type TAnswerFor<T extends TQuestionType> = z.output<(typeof ZAnswerByType)[T]>;

/** Parses a learner's answer to one question; null when it does not have the question's shape. */
export function parseAnswerFor<T extends TQuestionType>(type: T, raw: unknown): TAnswerFor<T> | null {
  const parsed = ZAnswerByType[type].safeParse(raw);
  return parsed.success ? (parsed.data as TAnswerFor<T>) : null;
}
