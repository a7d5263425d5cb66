"use server";

import { getRequestOrigin } from "@/lib/auth/request-address";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { requireUser } from "@/lib/auth/session";
import type { TFormState } from "@/lib/auth/form-state";
import { runFormAction } from "@/lib/form-action";
import { nulPathOf } from "@/lib/plain-text";
import { createPasswordResetLink, RESET_LINK_HOURS, setUserDisabled, setUserRole } from "@/lib/users/mutations";
import { ZSetUserDisabledInput, ZSetUserRoleInput, ZUserIdInput } from "@/lib/users/schemas";

// NOTE: the two buttons below post a select and hidden ids the page wrote, so only a forged request is
// malformed or names no user: it gets a 404 (notFound) instead of an uncaught ZodError or AppError, a 500.
async function onUser<T>(parsed: { success: true; data: T } | { success: false }, formData: FormData, fn: (input: T) => Promise<void>) {
  if (!parsed.success || nulPathOf(formData)) notFound();
  try {
    await fn(parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  revalidatePath("/admin/users");
}

export async function setUserRoleAction(formData: FormData) {
  const actor = await requireUser("ADMIN");
  await onUser(ZSetUserRoleInput.safeParse(Object.fromEntries(formData)), formData, (input) => setUserRole(actor, input));
}

export async function setUserDisabledAction(formData: FormData) {
  const actor = await requireUser("ADMIN");
  await onUser(ZSetUserDisabledInput.safeParse(Object.fromEntries(formData)), formData, (input) => setUserDisabled(actor, input));
}

/** Makes a one-time reset link and shows it to the admin once, as the form's success message. */
export async function createResetLinkAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  return runFormAction(formData, ZUserIdInput, async ({ userId }) => {
    const { token } = await createPasswordResetLink(actor, userId);
    return `Give this link to the user; it works once, for ${RESET_LINK_HOURS} hours, and is not shown again: ${await getRequestOrigin()}/reset-password/${token}`;
  });
}
