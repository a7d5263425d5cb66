import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";

/**
 * The client's address for rate limiting, as scripts/serve.ts established it from the TCP peer and the
 * trusted proxies (lib/http/client-address.ts). Never read from X-Forwarded-For here: a client can
 * write anything there. NOTE: under `next dev` there is no such header, and every client is "local".
 */
export async function getRequestAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) || "local";
}

/** This app's origin as the browser reached it (for links shown to be copied or printed). */
export async function getRequestOrigin(): Promise<string> {
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
}
