"use client";

import { createContext, useContext } from "react";
import type { TFormState } from "@/lib/auth/form-state";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "./use-form-action";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

const FormStateContext = createContext<TFormState>({});

/** The state of the enclosing ActionForm: errors per field and what the user typed. */
export const useFormStateContext = () => useContext(FormStateContext);

/**
 * A form posting to a server action. Errors appear above the form and beside their fields; what the user
 * typed comes back after an error (see lib/form-action.ts). It also works before JavaScript loads and
 * without it: the browser posts the form, and the page comes back with the action's state (or follows its
 * redirect). With JavaScript, a request that fails keeps the form and says so (useFormAction).
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel = "Saving…",
  variant = "primary",
  className = "flex flex-col gap-4",
  hidden,
  children,
}: {
  action: TAction;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  hidden?: Record<string, string>;
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} className={className} noValidate>
        <FormAlert message={state.error} />
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant={variant} disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
          <p role="status" className="text-sm text-green-800">
            {!pending && state.ok && !state.error ? state.ok : ""}
          </p>
        </div>
      </form>
    </FormStateContext.Provider>
  );
}
