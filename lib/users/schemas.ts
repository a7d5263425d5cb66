import { z } from "zod";

export const ZSetUserRoleInput = z.object({
  userId: z.string().min(1),
  role: z.enum(["STUDENT", "INSTRUCTOR", "ADMIN"], { error: "Choose a role." }),
});
export const ZSetUserDisabledInput = z.object({
  userId: z.string().min(1),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type TSetUserRoleInput = z.infer<typeof ZSetUserRoleInput>;
export type TSetUserDisabledInput = z.infer<typeof ZSetUserDisabledInput>;

export const ZUserIdInput = z.object({ userId: z.string().min(1).max(40) });
