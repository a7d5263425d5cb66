"use server";

import { getRequestOrigin } from "@/lib/auth/request-address";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import type { TFormState } from "@/lib/auth/form-state";
import { runFormAction } from "@/lib/form-action";
import { createPasswordResetLink, RESET_LINK_HOURS, setUserDisabled, setUserRole } from "@/lib/users/mutations";
import { ZSetUserDisabledInput, ZSetUserRoleInput, ZUserIdInput } from "@/lib/users/schemas";

export async function setUserRoleAction(formData: FormData) {
  const actor = await requireUser("ADMIN");
  await setUserRole(actor, ZSetUserRoleInput.parse(Object.fromEntries(formData)));
  revalidatePath("/admin/users");
}

export async function setUserDisabledAction(formData: FormData) {
  const actor = await requireUser("ADMIN");
  await setUserDisabled(actor, ZSetUserDisabledInput.parse(Object.fromEntries(formData)));
  revalidatePath("/admin/users");
}

/** Makes a one-time reset link and shows it to the admin once, as the form's success message. */
export async function createResetLinkAction(_: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireUser("ADMIN");
  return runFormAction(formData, ZUserIdInput, async ({ userId }) => {
    const { token } = await createPasswordResetLink(actor, userId);
    return `Give this link to the user; it works once, for ${RESET_LINK_HOURS} hours, and is not shown again: ${await getRequestOrigin()}/reset-password/${token}`;
  });
}
