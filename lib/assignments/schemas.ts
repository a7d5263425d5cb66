import { z } from "zod";
import { isTimeZone } from "./dates";

const ZId = z.string().min(1).max(40);
const ZLocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Pick a date and a time.");
export const ZTimeZone = z.string().max(64).refine(isTimeZone, "Pick a time zone from the list.");
export const ZFeedbackPolicy = z.enum(["IMMEDIATE", "AFTER_DUE", "NEVER"]);

const ZDates = z.object({ opensAt: ZLocalDateTime, dueAt: ZLocalDateTime, timeZone: ZTimeZone, feedback: ZFeedbackPolicy });

export const ZCreateAssignmentInput = ZDates.extend({
  classId: ZId,
  /** "module:<id>" or "activity:<id>", as the form's select sends it. */
  target: z.string().regex(/^(module|activity):[\w-]{1,40}$/, "Choose what to assign."),
});
export type TCreateAssignmentInput = z.infer<typeof ZCreateAssignmentInput>;

export const ZUpdateAssignmentInput = ZDates.extend({ assignmentId: ZId });
export type TUpdateAssignmentInput = z.infer<typeof ZUpdateAssignmentInput>;

export const ZAssignmentIdInput = z.object({ assignmentId: ZId });

export const ZExtensionInput = z.object({ assignmentId: ZId, studentId: ZId, dueAt: ZLocalDateTime });
export type TExtensionInput = z.infer<typeof ZExtensionInput>;

export const ZStudentItemInput = z.object({ assignmentId: ZId, studentId: ZId });

export const ZGradeInput = z.object({
  assignmentId: ZId,
  studentId: ZId,
  /** Empty means "no override: the computed score stands". */
  overrideScore: z
    .string()
    .trim()
    .max(10)
    .transform((v) => (v === "" ? null : Number(v.replace(",", "."))))
    .refine((v) => v === null || (Number.isFinite(v) && v >= 0 && v <= 100), "Give a score from 0 to 100, or leave it empty."),
  comment: z.string().trim().max(4000, "Keep the comment under 4,000 characters."),
});
export type TGradeInput = z.infer<typeof ZGradeInput>;
