"use client";

import { unstable_rethrow } from "next/navigation";
import { useActionState } from "react";
import type { TFormState } from "@/lib/auth/form-state";
import { typedValues } from "@/lib/form-action";

export const NOT_SENT =
  "Your change was not saved: Crosscheck could not be reached, or had a problem. Check your connection and try again; what you typed is still here.";

/**
 * useActionState for a form's server action that also survives the request failing (offline, server
 * down): instead of the page's error boundary, which would throw away the form, the form shows a message
 * and keeps what was typed. Next's own redirects and not-found signals pass through.
 */
export function useFormAction<S extends TFormState>(action: (state: S, formData: FormData) => Promise<S>) {
  return useActionState<S, FormData>(async (state, formData) => {
    try {
      return await action(state, formData);
    } catch (error) {
      unstable_rethrow(error);
      return { error: NOT_SENT, values: typedValues(formData) } as S;
    }
  }, {} as Awaited<S>);
}
