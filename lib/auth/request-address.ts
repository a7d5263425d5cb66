import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_PROOF_HEADER, CLIENT_ADDRESS_SECRET_ENV, vouchedClientAddress } from "@/lib/http/client-address";

/**
 * The client's address for rate limiting, as scripts/serve.ts established it from the TCP peer and the
 * trusted proxies (lib/http/client-address.ts). Never read from X-Forwarded-For here: a client can
 * write anything there. The header counts only with serve.ts's per-process proof beside it; under
 * `next start` or `next dev` nobody vouches for it, and every client is "local" (one shared bucket: those
 * are not how Crosscheck is served, `npm start` is).
 */
export async function getRequestAddress(): Promise<string> {
  const h = await headers();
  return vouchedClientAddress(h.get(CLIENT_ADDRESS_HEADER), h.get(CLIENT_ADDRESS_PROOF_HEADER), process.env[CLIENT_ADDRESS_SECRET_ENV]) ?? "local";
}

/** This app's origin as the browser reached it (for links shown to be copied or printed). */
export async function getRequestOrigin(): Promise<string> {
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
}
