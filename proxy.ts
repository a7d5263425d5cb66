import { NextResponse, type NextRequest } from "next/server";
import { AREA_ROLES } from "@/lib/auth/roles";
import { verifyRequestSession } from "@/lib/auth/verify-request";
import { isKnownLessonPath } from "@/lib/learning/lesson-paths";

// Lesson pages are rendered from the database and cached (docs/decisions/007); their only session check is here.
const CACHED_LESSON = /^\/learn\/(?!sources\/)[^/]+\/(?!activities$)[^/]+$/;
const ALL_ROLES = AREA_ROLES.learn;

function toLogin(request: NextRequest) {
  const login = new URL("/login", request.url);
  login.searchParams.set("next", request.nextUrl.pathname);
  return NextResponse.redirect(login);
}

const unavailable = () =>
  new NextResponse(
    "<!doctype html><html lang=en><title>Crosscheck</title><main><h1>Crosscheck is briefly unavailable</h1><p>Nothing you saved is lost. Please try again in a minute.</p></main></html>",
    { status: 503, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "30" } },
  );

/**
 * The role areas need a valid session: token, account and session version are verified here (the same
 * check as every page's), and a request without one is sent to sign in. Roles are left to the pages,
 * which answer 403 themselves; the cached lesson pages are open to every role and checked only here.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isLesson = CACHED_LESSON.test(pathname);
  try {
    const user = await verifyRequestSession(request, ALL_ROLES);
    if (!user) return toLogin(request);
    if (user.mustChangePassword) {
      const change = new URL("/account/password", request.url);
      change.searchParams.set("next", pathname);
      return NextResponse.redirect(change);
    }
    if (isLesson && !(await isKnownLessonPath(pathname))) {
      // A made-up lesson path: the module page answers with the course's own 404.
      return NextResponse.rewrite(new URL("/learn/no-such-page", request.url));
    }
  } catch (error) {
    // The database is unreachable: cached lessons cannot be checked, other pages show their own error.
    console.error("[proxy]", error instanceof Error ? error.message : error);
    if (isLesson) return unavailable();
  }
  const response = NextResponse.next();
  // Signed-in pages must never be stored by a shared cache in front of us.
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = { matcher: ["/learn/:path*", "/teach/:path*", "/admin/:path*"] };
