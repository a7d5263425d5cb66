"use client";

import { useFormStateContext } from "./action-form";

/**
 * A labelled checkbox inside an ActionForm, sent as "on" when ticked (nothing otherwise); after an error it
 * shows what the user sent. NOTE: keyed on the state it should show, for the reason use-select-default.ts
 * gives: React 19 resets a form after its action to what was checked at mount.
 */
export function FormCheckbox({ label, name, defaultChecked = false, id = name }: { label: string; name: string; defaultChecked?: boolean; id?: string }) {
  const state = useFormStateContext();
  const checked = state.values ? state.values[name] === "on" : defaultChecked;
  return (
    <div className="flex items-start gap-2">
      <input key={String(checked)} type="checkbox" id={id} name={name} defaultChecked={checked} className="mt-1 size-4" />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
