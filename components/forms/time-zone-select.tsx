"use client";

import { useEffect, useRef } from "react";
import { useFormStateContext } from "./action-form";

const ZONES = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];

/** The IANA time zone the dates are in; a new form starts with the browser's own zone. */
export function TimeZoneSelect({ name = "timeZone", defaultValue, id }: { name?: string; defaultValue?: string; id?: string }) {
  const state = useFormStateContext();
  const ref = useRef<HTMLSelectElement>(null);
  const chosen = state.values?.[name] ?? defaultValue;
  useEffect(() => {
    if (chosen || !ref.current) return;
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (ZONES.includes(local)) ref.current.value = local;
  }, [chosen]);
  const selectId = id ?? name;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={selectId} className="font-medium">
        Time zone of these dates
      </label>
      <select
        ref={ref}
        id={selectId}
        name={name}
        defaultValue={chosen ?? "UTC"}
        className="min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2"
      >
        {[...new Set(["UTC", ...ZONES])].map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, " ")}
          </option>
        ))}
      </select>
    </div>
  );
}
