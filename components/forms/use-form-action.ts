"use client";

import { unstable_rethrow } from "next/navigation";
import { useActionState } from "react";
import type { TFormState } from "@/lib/auth/form-state";
import { typedValues } from "@/lib/form-action";

export const NOT_SENT =
  "Your change was not saved: Crosscheck could not be reached, or had a problem. Check your connection and try again; what you typed is still here.";

type TFormAction<S> = (state: S, formData: FormData) => Promise<S>;

/**
 * What React's server renderer reads on a form's action to render it as a real POST (React's
 * `ReactCustomFormAction` protocol, which the server references of react-server-dom-* implement for
 * frameworks such as Next): hidden fields naming the action, a check that a posted-back state belongs to
 * it, and a `bind` that keeps both for the bound arguments (useActionState binds its state).
 */
type TServerReference = {
  $$FORM_ACTION: (identifierPrefix: string) => unknown;
  $$IS_SIGNATURE_EQUAL: (referenceId: string, numberOfBoundArgs: number) => boolean;
  bind: (thisArg: null, ...args: unknown[]) => TServerReference;
};

function isServerReference(action: unknown): action is TServerReference {
  const reference = action as Partial<TServerReference>;
  return typeof reference.$$FORM_ACTION === "function" && typeof reference.$$IS_SIGNATURE_EQUAL === "function";
}

/**
 * NOTE: `wrapper` gets `reference`'s identity as a form action, so that React renders the form posting to the
 * server action itself (without JavaScript, Next runs it and renders the page with the state it returned),
 * while a form submitted with JavaScript still calls `wrapper`. Each method is called on `reference` (or the
 * reference bound with the same arguments), since React's implementation looks the reference up by `this`.
 */
function withFormIdentity<A extends unknown[], R>(wrapper: (...args: A) => R, reference: TServerReference): (...args: A) => R {
  return Object.defineProperties(wrapper, {
    $$FORM_ACTION: { value: (identifierPrefix: string) => reference.$$FORM_ACTION(identifierPrefix) },
    $$IS_SIGNATURE_EQUAL: { value: (id: string, boundArgs: number) => reference.$$IS_SIGNATURE_EQUAL(id, boundArgs) },
    bind: {
      value: (_: unknown, ...bound: unknown[]) =>
        withFormIdentity((...rest: unknown[]) => wrapper(...([...bound, ...rest] as A)), reference.bind(null, ...bound)),
    },
  });
}

/**
 * useActionState for a form's server action that also survives the request failing (offline, server
 * down): instead of the page's error boundary, which would throw away the form, the form shows a message
 * and keeps what was typed. Next's own redirects and not-found signals pass through. When `action` is a
 * server action (every caller's is), the form also posts to it before JavaScript runs, or without it:
 * see withFormIdentity.
 */
export function useFormAction<S extends TFormState>(action: TFormAction<S>) {
  const submit = async (state: Awaited<S>, formData: FormData): Promise<S> => {
    try {
      return await action(state, formData);
    } catch (error) {
      unstable_rethrow(error);
      return { error: NOT_SENT, values: typedValues(formData) } as S;
    }
  };
  return useActionState<S, FormData>(isServerReference(action) ? withFormIdentity(submit, action) : submit, {} as Awaited<S>);
}
