"use client";

import { useFormStateContext } from "./action-form";

/**
 * What a select inside an ActionForm should show: what the user last sent (after an error), else `fallback`.
 * Give the select this as both its `defaultValue` and its `key`.
 *
 * NOTE: React applies a select's defaultValue only when it mounts, and React 19 resets a form after its
 * action, which puts a select back on the option selected at mount. Keying the select on the value it should
 * show remounts it whenever that value changes, so what it resets to is always the current value: the
 * user's choice after an error, the stored value after a save. Without JavaScript the server renders the
 * same `defaultValue` as the selected option.
 */
export function useSelectDefault(name: string, fallback: string | undefined): string | undefined {
  const state = useFormStateContext();
  return state.values?.[name] ?? fallback;
}
