import { z } from "zod";

export const ZEmail = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(200),
  // A `next` that is too long or odd is ignored, never a reason for sign-in to fail.
  next: z.string().max(300).optional().catch(undefined),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export const ZSignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  email: ZEmail,
  password: z
    .string()
    .min(10, "Use at least 10 characters for your password.")
    .max(200, "Keep your password under 200 characters."),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;
