import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { isIPv4, isIPv6 } from "node:net";

/**
 * The client's address as far as we can trust it. Behind `hops` trusted reverse proxies, each appending
 * the address it saw to X-Forwarded-For, the client is the `hops`-th entry from the right; anything to its
 * left was written by the client and proves nothing. With no trusted proxy (hops = 0) the header is
 * ignored entirely and the TCP peer is the client, so a forged X-Forwarded-For cannot reset a rate limit.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, peer: string | undefined, hops: number): string {
  const direct = peer ?? "unknown";
  if (hops <= 0) return direct;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain.at(-hops) ?? chain[0] ?? direct;
}

/** The request header our own server sets to the trusted client address (any incoming value is replaced). */
export const CLIENT_ADDRESS_HEADER = "x-crosscheck-client";
/** Beside it, the proof that our own server set it: this process's secret. */
export const CLIENT_ADDRESS_PROOF_HEADER = "x-crosscheck-client-proof";
/** Where scripts/serve.ts keeps that secret: made at start-up, never configured, never sent to a client. */
export const CLIENT_ADDRESS_SECRET_ENV = "CROSSCHECK_CLIENT_ADDRESS_SECRET";

/**
 * Writes the trusted client address onto a request's headers, with the proof (scripts/serve.ts), replacing
 * whatever the client sent under either name.
 */
export function vouchForClientAddress(headers: IncomingHttpHeaders, address: string, secret: string) {
  headers[CLIENT_ADDRESS_HEADER] = address;
  headers[CLIENT_ADDRESS_PROOF_HEADER] = secret;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * The client address scripts/serve.ts vouched for, or null when it did not: no secret in this process (the
 * app runs under `next start` or `next dev`, where a client could have written the header itself), or a
 * proof that does not match it.
 * NOTE: a per-process secret rather than a flag saying "serve.ts is running", so a stray setting in some
 * other environment still never makes a client's own header count.
 */
export function vouchedClientAddress(address: string | null, proof: string | null, secret: string | undefined): string | null {
  if (!secret || !address || proof === null) return null;
  return timingSafeEqual(digest(proof), digest(secret)) ? address : null;
}

/**
 * The group a rate limit counts an address in: an IPv4 address alone (an IPv4-mapped IPv6 address as its
 * IPv4 form), an IPv6 address by its /64, the smallest block a household or a phone is given, so that an
 * attacker cannot reset a limit by taking the next of the 2^64 addresses in it. Anything else as it is.
 */
export function addressGroup(address: string): string {
  const bare = address.trim().replace(/^\[|\]$/g, "").replace(/%.*$/, "").toLowerCase();
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  const [head = "", tail = ""] = bare.split("::");
  const part = (s: string) => (s ? s.split(":") : []);
  // An embedded IPv4 tail (::1.2.3.4) fills the last 32 bits, which the /64 drops anyway.
  const groups = (s: string) => part(s).flatMap((g) => (g.includes(".") ? ["0", "0"] : [g]));
  const left = groups(head);
  const right = bare.includes("::") ? groups(tail) : [];
  const hextets = [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${hextets.slice(0, 4).map((h) => parseInt(h, 16).toString(16)).join(":")}::/64`;
}
