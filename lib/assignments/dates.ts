import { TZDate } from "@date-fns/tz";

/** True when `zone` is an IANA time zone this runtime knows ("Europe/Paris"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time names in `zone`: "2026-12-01T17:00" in "Asia/Baku" → 13:00 UTC.
 * Null for a malformed or impossible value.
 */
export function fromZonedInput(local: string, zone: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m || !isTimeZone(zone)) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const date = new Date(new TZDate(y, mo - 1, d, h, mi, zone).getTime());
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The value a `datetime-local` input shows for `date` in `zone` ("2026-12-01T17:00"). */
export function toZonedInput(date: Date, zone: string): string {
  const t = new TZDate(date.getTime(), zone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** "Tue 1 Dec 2026, 17:00 GMT+4" in the assignment's own zone, so everyone reads the same deadline. */
export function formatInZone(date: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}
