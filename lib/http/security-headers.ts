import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Headers scripts/serve.ts puts on every response (pages, lesson pages from memory, JSON, files, its own
 * refusals), beside the ones next.config.js sets:
 * - Permissions-Policy: no page of a reading course needs the camera, microphone, location, payment,
 *   USB and other device features, so a script that slipped in cannot ask for them;
 * - Cross-Origin-Opener-Policy: a page opened from another site gets no handle on ours, nor ours on it;
 * - Strict-Transport-Security, only when the request came over HTTPS: browsers then refuse plain HTTP to
 *   this host for two years. Sent over plain HTTP it would be ignored, and sent from a test or a school's
 *   plain-HTTP install it would be wrong, so it depends on the request.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "bluetooth",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Whether the browser's request came over HTTPS: a TLS socket of our own, or, behind `hops` trusted
 * proxies (TRUSTED_PROXY_HOPS, docs/decisions/010), the scheme the nearest proxy wrote in
 * X-Forwarded-Proto. With no trusted proxy the header is the client's own word and is ignored.
 */
export function isHttpsRequest(req: Pick<IncomingMessage, "headers" | "socket">, hops: number): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  if (hops <= 0) return false;
  const proto = req.headers["x-forwarded-proto"];
  const nearest = (Array.isArray(proto) ? proto.join(",") : (proto ?? "")).split(",").at(-1)?.trim().toLowerCase();
  return nearest === "https";
}

/** Sets the headers above on `res` before anything else answers the request. */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, hops: number) {
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (isHttpsRequest(req, hops)) res.setHeader("Strict-Transport-Security", HSTS);
}
