"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { setUserDisabled, setUserRole } from "@/lib/users/mutations";
import { ZSetUserDisabledInput, ZSetUserRoleInput } from "@/lib/users/schemas";

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
