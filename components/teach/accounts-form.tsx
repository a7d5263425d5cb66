"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/forms/use-form-action";
import type { TAccountsState } from "@/lib/classes/student-account-types";
import { AccountSlips } from "./account-slips";

type TAccountsAction = (state: TAccountsState, formData: FormData) => Promise<TAccountsState>;

/**
 * A form whose server action returns new sign-in details (creating accounts, or a new one-time password),
 * shown once below it. With `names`, it has the textarea for one name per line, kept after an error.
 */
export function AccountsForm({
  action,
  submitLabel,
  pendingLabel,
  hidden,
  names,
  loginUrl,
  className,
}: {
  action: TAccountsAction;
  submitLabel: string;
  pendingLabel: string;
  hidden: Record<string, string>;
  names?: boolean;
  loginUrl: string;
  className: string;
}) {
  const [state, formAction, pending] = useFormAction(action);
  const error = state.fieldErrors?.names;
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-col gap-3 print:hidden" noValidate>
        <FormAlert message={state.error} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {names && (
          <div className="flex flex-col gap-1">
            <label htmlFor="names" className="font-medium">
              Pupils&apos; names, one per line
            </label>
            <p id="names-hint" className="text-sm text-muted">
              For example “Anahit Petrosyan” or “Əliyev, Bəxtiyar”. Up to 60 at a time. Usernames are made from the names.
            </p>
            <textarea
              id="names"
              name="names"
              rows={8}
              // Each successful batch clears the list (a new key), so the same pupils are not created twice.
              key={state.accounts?.[0]?.username ?? "typing"}
              defaultValue={state.values?.names ?? ""}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "names-hint names-error" : "names-hint"}
              className="max-w-xl rounded-md border border-slate-500 bg-white px-3 py-2"
            />
            {error && (
              <p id="names-error" className="text-sm text-red-800">
                {error}
              </p>
            )}
          </div>
        )}
        <div>
          <Button type="submit" variant={names ? "primary" : "secondary"} disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </div>
      </form>
      {state.accounts && <AccountSlips accounts={state.accounts} loginUrl={loginUrl} className={className} />}
    </div>
  );
}
