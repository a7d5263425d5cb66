import { z } from "zod";
import { ZEmail } from "@/lib/auth/schemas";

const ZId = z.string().min(1).max(40);

export const ZClassFields = z.object({
  name: z.string().trim().min(1, "Give the class a name.").max(100, "Keep the name under 100 characters."),
  term: z.string().trim().min(1, "Say which term, e.g. “Autumn 2026”.").max(60, "Keep the term under 60 characters."),
});
export type TClassFields = z.infer<typeof ZClassFields>;

export const ZUpdateClassInput = ZClassFields.extend({ classId: ZId });

export const ZClassIdInput = z.object({ classId: ZId });

export const ZJoinClassInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the code your teacher gave you.")
    .max(20, "That code is too long: class codes have 6 characters."),
});

export const ZSetJoinEnabledInput = z.object({ classId: ZId, enabled: z.enum(["true", "false"]).transform((v) => v === "true") });

export const ZAddCoInstructorInput = z.object({ classId: ZId, email: ZEmail });

export const ZClassUserInput = z.object({ classId: ZId, userId: ZId });

export const ZCreateStudentAccountsInput = z.object({
  classId: ZId,
  names: z
    .string()
    .max(20_000)
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/\s+/g, " "))
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string())
        .min(1, "Write one student name per line.")
        .max(60, "Create at most 60 accounts at a time.")
        .superRefine((names, ctx) => {
          // Named, since the list may be long: which one is too long.
          const long = names.find((name) => name.length > 100);
          if (long) ctx.addIssue({ code: "custom", message: `Keep each name under 100 characters: “${long.slice(0, 40)}…” has ${long.length}.` });
        }),
    ),
});
export type TCreateStudentAccountsInput = z.infer<typeof ZCreateStudentAccountsInput>;
