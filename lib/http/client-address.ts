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
