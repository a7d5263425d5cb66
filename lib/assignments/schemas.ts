import { z } from "zod";
import { isTimeZone } from "./dates";

const ZId = z.string().min(1).max(40);
const ZLocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Pick a date and a time.");
export const ZTimeZone = z.string().max(64).refine(isTimeZone, "Pick a time zone from the list.");
export const ZFeedbackPolicy = z.enum(["IMMEDIATE", "AFTER_DUE", "NEVER"]);

/** A form checkbox: "on" when ticked, absent otherwise. */
const ZCheckbox = z
  .literal("on")
  .optional()
  .transform((v) => v === "on");

const ZDates = z.object({
  opensAt: ZLocalDateTime,
  dueAt: ZLocalDateTime,
  timeZone: ZTimeZone,
  feedback: ZFeedbackPolicy,
  /** Attempts started before the assignment was made count (lib/assignments/counted-attempts.ts). */
  countEarlierAttempts: ZCheckbox,
  /** A retake started after the key was shown may replace an earlier score. */
  countRetakesAfterKey: ZCheckbox,
});

export const ZCreateAssignmentInput = ZDates.extend({
  classId: ZId,
  /** "module:<id>" or "activity:<id>", as the form's select sends it. */
  target: z.string().regex(/^(module|activity):[\w-]{1,40}$/, "Choose what to assign."),
});
/** The two counting settings; a caller other than the form may leave them out (off when creating, unchanged when updating). */
type TCountingOptional<T extends { countEarlierAttempts: boolean; countRetakesAfterKey: boolean }> = Omit<T, "countEarlierAttempts" | "countRetakesAfterKey"> &
  Partial<Pick<T, "countEarlierAttempts" | "countRetakesAfterKey">>;

export type TCreateAssignmentInput = TCountingOptional<z.infer<typeof ZCreateAssignmentInput>>;

export const ZUpdateAssignmentInput = ZDates.extend({ assignmentId: ZId });
export type TUpdateAssignmentInput = TCountingOptional<z.infer<typeof ZUpdateAssignmentInput>>;

export const ZAssignmentIdInput = z.object({ assignmentId: ZId });

export const ZExtensionInput = z.object({ assignmentId: ZId, studentId: ZId, dueAt: ZLocalDateTime });
export type TExtensionInput = z.infer<typeof ZExtensionInput>;

export const ZStudentItemInput = z.object({ assignmentId: ZId, studentId: ZId });

const SCORE_MESSAGE = "Give a score from 0 to 100 as a plain number (like 85 or 92.5), or leave it empty.";

export const ZGradeInput = z.object({
  assignmentId: ZId,
  studentId: ZId,
  /**
   * Empty means "no override: the computed score stands". NOTE: plain decimals only (a point or a comma),
   * checked as text before `Number`, which would also read "0x10" as 16 and "1e1" as 10.
   */
  overrideScore: z
    .string()
    .trim()
    .max(10, SCORE_MESSAGE)
    .refine((v) => v === "" || /^\d{1,3}([.,]\d+)?$/.test(v), SCORE_MESSAGE)
    .transform((v) => (v === "" ? null : Number(v.replace(",", "."))))
    .refine((v) => v === null || (v >= 0 && v <= 100), SCORE_MESSAGE),
  comment: z.string().trim().max(4000, "Keep the comment under 4,000 characters."),
});
export type TGradeInput = z.infer<typeof ZGradeInput>;
