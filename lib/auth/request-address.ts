import "server-only";
import { headers } from "next/headers";

/**
 * The client's address for rate limiting. NOTE: the rightmost X-Forwarded-For entry is the one added by
 * the proxy nearest to us; entries to its left are whatever the client chose to send.
 */
export async function getRequestAddress(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) || h.get("x-real-ip") || "local";
}

/** This app's origin as the browser reached it (for links shown to be copied or printed). */
export async function getRequestOrigin(): Promise<string> {
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
}
