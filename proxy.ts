import { NextResponse, type NextRequest } from "next/server";
import { AREA_ROLES } from "@/lib/auth/roles";
import { SESSION_COOKIES, verifyRequestSession } from "@/lib/auth/verify-request";

// Lesson pages are rendered from the database and cached (docs/decisions/007); their session check runs here.
const CACHED_LESSON = /^\/learn\/(?!sources\/)[^/]+\/(?!activities$)[^/]+$/;

function toLogin(request: NextRequest) {
  const login = new URL("/login", request.url);
  login.searchParams.set("next", request.nextUrl.pathname);
  return NextResponse.redirect(login);
}

/**
 * Without a session cookie, the role areas send you to sign in. For the cached lesson pages, the session
 * is fully verified here (token, account, session version, role). Every other page and action checks
 * the session and role itself, in lib/, so for them this is only a convenience.
 */
export async function proxy(request: NextRequest) {
  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) return toLogin(request);
  if (CACHED_LESSON.test(request.nextUrl.pathname) && !(await verifyRequestSession(request, AREA_ROLES.learn))) {
    return toLogin(request);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/learn/:path*", "/teach/:path*", "/admin/:path*"] };
