"use client";

import { useSyncExternalStore } from "react";
import { useSelectDefault } from "./use-select-default";

const ZONES = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];

const subscribeToNothing = () => () => {};
/** The browser's own zone if the list offers it; undefined on the server, which cannot know it. */
const browserZone = () => {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return ZONES.includes(local) ? local : undefined;
};

/**
 * The IANA time zone the dates are in; a new form starts with the browser's own zone (UTC without
 * JavaScript), and comes back to it after each save.
 */
export function TimeZoneSelect({ name = "timeZone", defaultValue, id }: { name?: string; defaultValue?: string; id?: string }) {
  // NOTE: the browser's zone is part of the default (and so of the key, see useSelectDefault), not set on
  // the element after mount: React's reset after a save would otherwise put the select back on UTC.
  const local = useSyncExternalStore(subscribeToNothing, browserZone, () => undefined);
  const shown = useSelectDefault(name, defaultValue ?? local) ?? "UTC";
  const selectId = id ?? name;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={selectId} className="font-medium">
        Time zone of these dates
      </label>
      <select key={shown} id={selectId} name={name} defaultValue={shown} className="min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2">
        {[...new Set(["UTC", ...ZONES])].map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, " ")}
          </option>
        ))}
      </select>
    </div>
  );
}
