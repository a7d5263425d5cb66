import "server-only";
import { createHash } from "node:crypto";
import { decode, type JWT } from "next-auth/jwt";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
type TRequestWithCookies = {
  cookies: { get(name: string): { value: string } | undefined };
  headers: Headers;
  nextUrl: { protocol: string };
};
import type { Role } from "@/lib/generated/prisma/enums";
import { findActiveUser, type TActiveUser } from "./active-user";
import { AREA_ROLES } from "./roles";

export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const MAX_TOKEN_LENGTH = 4096;

// Decrypting a token costs about a millisecond (key derivation); a token's content never changes, so
// decrypted tokens are remembered briefly. Validity (account, session version) is still checked every time.
const decoded = new Map<string, { until: number; token: JWT | null }>();
const DECODED_TTL_MS = 60_000;
const DECODED_MAX = 10_000;

async function decodeCached(value: string, salt: string): Promise<JWT | null> {
  if (value.length > MAX_TOKEN_LENGTH) return null;
  const key = createHash("sha256").update(salt).update("\0").update(value).digest("base64url");
  const hit = decoded.get(key);
  if (hit && hit.until > Date.now()) return hit.token;
  const token = await decode({ token: value, secret: process.env.AUTH_SECRET!, salt }).catch(() => null);
  // Only genuine tokens are remembered, so junk cookies cannot fill the memory.
  if (!token) return null;
  if (decoded.size >= DECODED_MAX) decoded.clear();
  decoded.set(key, { until: Date.now() + DECODED_TTL_MS, token });
  return token;
}

/** The one cookie name next-auth itself uses for this request: the `__Secure-` one only over https. */
function sessionCookieName(request: TRequestWithCookies) {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  return https ? SESSION_COOKIES[0] : SESSION_COOKIES[1];
}

/**
 * The session check (token, account, session version, role), taken straight from a request's cookies:
 * for the proxy, the JSON route handlers and `getCurrentUser` (pages and server actions). Unlike
 * next-auth's `auth()`, it does not re-encrypt the token on every call to re-issue a cookie.
 */
export async function verifyRequestSession(request: TRequestWithCookies, roles: readonly Role[]): Promise<TActiveUser | null> {
  const name = sessionCookieName(request);
  const value = request.cookies.get(name)?.value;
  if (!value) return null;
  const token = await decodeCached(value, name);
  if (!token || (typeof token.exp === "number" && token.exp * 1000 < Date.now())) return null;
  const user = await findActiveUser(token.uid, token.sv);
  return user && roles.includes(user.role) ? user : null;
}

/** The same check from bare request headers, any role: for lesson pages served from memory (docs/decisions/012). */
export function verifyHeaderSession(headers: Headers): Promise<TActiveUser | null> {
  return verifyRequestSession({ cookies: new RequestCookies(headers), headers, nextUrl: { protocol: "http:" } }, AREA_ROLES.learn);
}
