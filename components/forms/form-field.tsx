"use client";

import type { InputHTMLAttributes } from "react";
import { Field } from "@/components/ui/field";
import { useFormStateContext } from "./action-form";

/** A labelled input inside an ActionForm: shows its error and keeps what was typed after a failed submit. */
export function FormField({
  name,
  defaultValue,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; defaultValue?: string }) {
  const state = useFormStateContext();
  return <Field name={name} defaultValue={state.values?.[name] ?? defaultValue} error={state.fieldErrors?.[name]} {...props} />;
}
