import "server-only";
import { decode, type JWT } from "next-auth/jwt";
type TRequestWithCookies = { cookies: { get(name: string): { value: string } | undefined } };
import type { Role } from "@/lib/generated/prisma/enums";
import { findActiveUser, type TActiveUser } from "./active-user";

export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

// Decrypting a token costs about a millisecond (key derivation); a token's content never changes, so
// decrypted tokens are remembered briefly. Validity (account, session version) is still checked every time.
const decoded = new Map<string, { until: number; token: JWT | null }>();
const DECODED_TTL_MS = 60_000;
const DECODED_MAX = 10_000;

async function decodeCached(value: string, salt: string): Promise<JWT | null> {
  const key = `${salt}:${value}`;
  const hit = decoded.get(key);
  if (hit && hit.until > Date.now()) return hit.token;
  const token = await decode({ token: value, secret: process.env.AUTH_SECRET!, salt }).catch(() => null);
  if (decoded.size >= DECODED_MAX) decoded.clear();
  decoded.set(key, { until: Date.now() + DECODED_TTL_MS, token });
  return token;
}

/**
 * The same session check as `getCurrentUser` (token, account, session version, role), taken straight
 * from a request's cookies: for the proxy in front of cached lesson pages, and for the JSON route
 * handlers that autosave answers, where it skips next-auth's cookie re-issuing on every call.
 */
export async function verifyRequestSession(request: TRequestWithCookies, roles: readonly Role[]): Promise<TActiveUser | null> {
  for (const name of SESSION_COOKIES) {
    const value = request.cookies.get(name)?.value;
    if (!value) continue;
    const token = await decodeCached(value, name);
    if (!token || (typeof token.exp === "number" && token.exp * 1000 < Date.now())) return null;
    const user = await findActiveUser(token.uid, token.sv);
    return user && roles.includes(user.role) ? user : null;
  }
  return null;
}
