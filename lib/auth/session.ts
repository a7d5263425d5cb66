import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TActiveUser } from "./active-user";
import { AREA_ROLES } from "./roles";
import { verifyRequestSession } from "./verify-request";

export type TCurrentUser = TActiveUser;

/**
 * The signed-in user, read from the database on every request (once per request, thanks to `cache`).
 * A token whose session version is stale (signed out, disabled, role changed) counts as no session.
 * NOTE: the same check as the proxy's and the JSON routes' (`verifyRequestSession`), not next-auth's
 * `auth()`, which also re-encrypts the token on every call to re-issue a cookie that a page cannot set.
 */
export const getCurrentUser = cache(async (): Promise<TCurrentUser | null> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return verifyRequestSession({ cookies: cookieStore, headers: headerList, nextUrl: { protocol: "http:" } }, AREA_ROLES.learn);
});

/**
 * For server actions and lib: the caller, who must hold one of `roles`. Signed out, or a one-time
 * password not yet replaced: an AppError the action shows as a message. The wrong role: Next's
 * `forbidden()`, a 403 whatever wraps the call, as for pages. NOTE: no form of ours offers an action to
 * a role that may not use it, so only a forged request gets there; an AppError thrown outside the
 * action's adapter was a 500 with an error digest.
 */
export async function requireUser(...roles: Role[]): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
  if (roles.length && !roles.includes(user.role)) forbidden();
  if (user.mustChangePassword) throw new AppError("FORBIDDEN", "Choose your own password first.");
  return user;
}

/** For pages: redirects to sign-in when signed out and answers 403 for the wrong role. */
export async function requirePageUser(path: string, ...roles: Role[]): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (roles.length && !roles.includes(user.role)) forbidden();
  if (user.mustChangePassword) redirect(`/account/password?next=${encodeURIComponent(path)}`);
  return user;
}
