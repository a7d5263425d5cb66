"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { createStudentAccount, endAllSessions, getRoleByEmail } from "@/lib/auth/accounts";
import { signIn, signOut } from "@/lib/auth/config";
import { fieldErrorsOf, type TFormState } from "@/lib/auth/form-state";
import { forgetSignInFailures, limitSignIn, limitSignUp } from "@/lib/auth/rate-limit";
import { getRequestAddress } from "@/lib/auth/request-address";
import { landingPath } from "@/lib/auth/roles";
import { ZSignInInput, ZSignUpInput } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

const WRONG_CREDENTIALS = "Wrong email or password.";

/** Signs in with email and password; the same message for an unknown email and a wrong password. */
export async function signInAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = ZSignInInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const { email, password, next } = parsed.data;
  try {
    await limitSignIn(email, await getRequestAddress());
    const url = await signIn("credentials", { email, password, redirect: false });
    if (typeof url === "string" && url.includes("error=")) return { error: WRONG_CREDENTIALS, values };
  } catch (error) {
    if (error instanceof AuthError) return { error: WRONG_CREDENTIALS, values };
    if (error instanceof AppError) return { error: error.message, values };
    throw error;
  }
  await forgetSignInFailures(email);
  const role = await getRoleByEmail(email);
  redirect(role ? landingPath(role, next) : "/login");
}

/** Creates a student account and signs it in. */
export async function signUpAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const parsed = ZSignUpInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await limitSignUp(await getRequestAddress());
    await createStudentAccount(parsed.data);
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, values };
    throw error;
  }
  redirect("/learn");
}

/** Signs out and ends every session of this account, so a copied cookie stops working too. */
export async function signOutAction() {
  const user = await getCurrentUser();
  if (user) await endAllSessions(user.id);
  await signOut({ redirectTo: "/login?signedOut=1" });
}
