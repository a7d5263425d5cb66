"use server";

import { redirect } from "next/navigation";
import { changeOwnPassword, createStudentAccount, endAllSessions, getAccountByLogin } from "@/lib/auth/accounts";
import { signIn, signOut } from "@/lib/auth/config";
import { fieldErrorsOf, type TFormState } from "@/lib/auth/form-state";
import { limitSignUp } from "@/lib/auth/rate-limit";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getRequestAddress } from "@/lib/auth/request-address";
import { landingPath } from "@/lib/auth/roles";
import { ZChangePasswordInput, ZResetPasswordInput, ZSignInInput, ZSignUpInput } from "@/lib/auth/schemas";
import { resetPasswordWithLink } from "@/lib/auth/password-reset";
import { runFormAction } from "@/lib/form-action";
import { nulFieldErrors } from "@/lib/plain-text";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, FieldsError } from "@/lib/errors";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/common-passwords";

/** Signs in with email or username and password; the same message for an unknown login and a wrong password. */
export async function signInAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = { login: String(formData.get("login") ?? "") };
  const nul = nulFieldErrors(formData);
  if (nul) return { fieldErrors: nul, values };
  const parsed = ZSignInInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const { login, password, next } = parsed.data;
  const error = await signInWithPassword(login, password, await getRequestAddress());
  if (error) return { error, values };
  const account = await getAccountByLogin(login);
  if (!account) redirect("/login");
  const landing = landingPath(account.role, next);
  redirect(account.mustChangePassword ? `/account/password?next=${encodeURIComponent(landing)}` : landing);
}

/** Creates a student account and signs it in. */
export async function signUpAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const nul = nulFieldErrors(formData);
  if (nul) return { fieldErrors: nul, values };
  const parsed = ZSignUpInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  if (isCommonPassword(parsed.data.password)) return { fieldErrors: { password: COMMON_PASSWORD_MESSAGE }, values };
  try {
    await limitSignUp(await getRequestAddress());
    await createStudentAccount(parsed.data);
    await signIn("credentials", { login: parsed.data.email, password: parsed.data.password, redirect: false });
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

/** Sets a new password (required after a one-time password), then signs in afresh with it. */
export async function changePasswordAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const nul = nulFieldErrors(formData);
  if (nul) return { fieldErrors: nul };
  const parsed = ZChangePasswordInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  if (isCommonPassword(parsed.data.newPassword)) return { fieldErrors: { newPassword: COMMON_PASSWORD_MESSAGE } };
  try {
    await changeOwnPassword(user.id, parsed.data, await getRequestAddress());
    await signIn("credentials", { login: user.email ?? user.username, password: parsed.data.newPassword, redirect: false });
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect(landingPath(user.role, String(formData.get("next") ?? "")));
}

/** Sets a new password through an admin's one-time link, then sends the user to sign in with it. */
export async function resetPasswordAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const state = await runFormAction(formData, ZResetPasswordInput, async ({ token, newPassword }) => {
    if (isCommonPassword(newPassword)) throw new FieldsError({ newPassword: COMMON_PASSWORD_MESSAGE });
    await resetPasswordWithLink(token, newPassword, await getRequestAddress());
  });
  if (state.ok) redirect("/login?reset=1");
  return state;
}
