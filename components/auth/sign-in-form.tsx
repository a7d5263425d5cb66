"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/app/(public)/actions";
import type { TFormState } from "@/lib/auth/form-state";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<TFormState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormAlert message={state.error} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field
        label="Email or username"
        name="login"
        type="text"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={state.values?.login}
        error={state.fieldErrors?.login}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-sm text-muted">
        New here?{" "}
        <Link href="/signup" className="text-accent underline">
          Create a student account
        </Link>
      </p>
    </form>
  );
}
