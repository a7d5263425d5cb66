import { z } from "zod";

export const ZEmail = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);

/** Usernames are for pupils without email; they never contain "@", so a login names one or the other. */
export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, "Use 3 to 32 letters, digits, dots, dashes or underscores.");

export const ZPassword = z
  .string()
  .min(8, "Use at least 8 characters for your password.")
  .max(200, "Keep your password under 200 characters.");

export const ZSignInInput = z.object({
  /** An email address or a username. */
  login: z.string().trim().toLowerCase().min(1, "Enter your email or username.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
  // A `next` that is too long or odd is ignored, never a reason for sign-in to fail.
  next: z.string().max(300).optional().catch(undefined),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export const ZSignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  email: ZEmail,
  password: ZPassword,
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    newPassword: ZPassword,
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZResetPasswordInput = z
  .object({ token: z.string().min(1).max(100), newPassword: ZPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });
