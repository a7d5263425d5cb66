"use client";

import { ActionForm } from "@/components/forms/action-form";
import type { TFormState } from "@/lib/auth/form-state";
import { focusAfterRender } from "./focus-after-render";

/** The Retake (or Try again) button: once the new attempt opens, focus goes to its first question. */
export function RetakeForm({
  action,
  label,
  variant,
  className,
  hidden,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  label: string;
  variant?: "primary" | "secondary";
  className: string;
  hidden: Record<string, string>;
}) {
  // NOTE: React's submit event bubbles to this wrapper, so ActionForm stays a plain, generic form.
  return (
    <div onSubmitCapture={() => focusAfterRender("first-question")} className="contents">
      <ActionForm action={action} submitLabel={label} pendingLabel="Starting…" variant={variant} className={className} hidden={hidden} />
    </div>
  );
}
