import { NextResponse, type NextRequest } from "next/server";
import { AREA_ROLES } from "@/lib/auth/roles";
import { verifyRequestSession } from "@/lib/auth/verify-request";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";

const ROLE_AREA = /^\/(learn|teach|admin)(\/|$)/;
const ALL_ROLES = AREA_ROLES.learn;

function toLogin(request: NextRequest) {
  const login = new URL("/login", request.url);
  login.searchParams.set("next", request.nextUrl.pathname);
  return NextResponse.redirect(login);
}

/**
 * Every page gets a fresh nonce in its Content-Security-Policy; Next.js reads it from the request's header
 * and puts it on the scripts it renders (docs/decisions/011). The role areas also need a valid session:
 * token, account and session version are verified here (the same check as every page's), and a request
 * without one is sent to sign in. Roles are left to the pages, which answer 403 themselves.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (ROLE_AREA.test(pathname)) {
    try {
      const user = await verifyRequestSession(request, ALL_ROLES);
      if (!user) return toLogin(request);
      if (user.mustChangePassword) {
        const change = new URL("/account/password", request.url);
        change.searchParams.set("next", pathname);
        return NextResponse.redirect(change);
      }
    } catch (error) {
      // The database is unreachable: the page checks again and shows its own error.
      console.error("[proxy]", error instanceof Error ? error.message : error);
    }
  }

  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  // Pages are personal or carry a one-time nonce: no shared cache in front of us may store them.
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  // Every page; not the JSON routes or the build's files, which get next.config.js's stricter policy.
  matcher: [{ source: "/((?!api/|_next/static/|_next/image|favicon.ico|robots.txt|unavailable.html).*)" }],
};
