import type { IncomingHttpHeaders } from "node:http";

/** What a server action posted from another site is told (with a 403). */
export const CROSS_SITE_MESSAGE = "Cross-site requests are not accepted.";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value?.split(",")[0])?.trim() || undefined;

/**
 * True when a server action's Origin names another host than the one it was sent to: the same test
 * Next.js makes (its `x-forwarded-host`, else `host`, against the Origin's host; an Origin of "null" or
 * one that does not parse never matches), made first so that the answer is a 403 with a plain message
 * rather than Next's 500 with an error digest. A request without Origin is not a browser's (browsers
 * always send it on POST), so it carries no ambient cookies to abuse and is left to Next, as Next does.
 * NOTE: keep in step with `action-handler.js` of next at each upgrade (we set no `allowedOrigins`).
 */
export function isCrossSiteAction(headers: IncomingHttpHeaders): boolean {
  const origin = first(headers.origin);
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const host = first(headers["x-forwarded-host"]) ?? first(headers.host);
  return originHost !== host;
}
