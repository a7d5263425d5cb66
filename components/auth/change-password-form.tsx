"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(public)/actions";
import type { TFormState } from "@/lib/auth/form-state";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";

export function ChangePasswordForm({ next, oneTime }: { next?: string; oneTime: boolean }) {
  const [state, action, pending] = useActionState<TFormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormAlert message={state.error} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field
        label={oneTime ? "The one-time password you were given" : "Current password"}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.currentPassword}
      />
      <Field
        label="New password (at least 8 characters; a long phrase is best)"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.newPassword}
      />
      <Field
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.confirmPassword}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save my new password"}
      </Button>
    </form>
  );
}
