import "server-only";
import { DATABASE_UNAVAILABLE_MESSAGE, describeDatabaseError, isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { NextRequest } from "next/server";
import type { TCurrentUser } from "@/lib/auth/session";
import { verifyRequestSession } from "@/lib/auth/verify-request";
import { NUL_MESSAGE, nulPathOf } from "@/lib/plain-text";
import { ZodError } from "zod";

/** A browser always sends Origin on PUT and POST; it must name the host this request was sent to. */
function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // not a browser request (no ambient cookies to abuse)
  try {
    const host = new URL(origin).host;
    return host === request.headers.get("x-forwarded-host") || host === request.headers.get("host");
  } catch {
    return false;
  }
}

const fail = (status: number, code: string, error: string) => Response.json({ ok: false, code, error }, { status });

/**
 * A JSON route handler run for a signed-in caller holding one of `roles`, with the request's JSON body
 * (at most `maxBytes`). Only same-origin JSON requests are accepted (a cross-site form cannot send
 * one). AppErrors become their HTTP status with a message a user can read; bad input becomes 400; a
 * database that cannot be reached (stopped, restarting) 503 with code SERVER, which the browser's save
 * queue keeps and retries; anything else a 500 without details.
 */
export async function handleApi<T>(
  request: NextRequest,
  roles: Role[],
  maxBytes: number,
  fn: (user: TCurrentUser, body: unknown) => Promise<T>,
): Promise<Response> {
  if (!isSameOrigin(request)) return fail(403, "FORBIDDEN", "Cross-site requests are not accepted.");
  if (!request.headers.get("content-type")?.startsWith("application/json")) return fail(415, "INVALID", "Send JSON.");
  try {
    const user = await verifyRequestSession(request, roles);
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again: your answers are kept on this device.");
    if (user.mustChangePassword) throw new AppError("FORBIDDEN", "Choose your own password first.");
    const bytes = await request.arrayBuffer();
    if (bytes.byteLength > maxBytes) return fail(413, "INVALID", "That answer is too long to save.");
    // NOTE: strict UTF-8 (broken bytes are refused, not saved as U+FFFD), and no NUL, which jsonb cannot hold.
    const body: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    if (nulPathOf(body)) return fail(400, "INVALID", NUL_MESSAGE);
    return Response.json({ ok: true, data: await fn(user, body) });
  } catch (error) {
    if (error instanceof AppError) {
      return Response.json({ ok: false, code: error.code, error: error.message, ...(error.details && { details: error.details }) }, { status: HTTP_STATUS[error.code] });
    }
    // A SyntaxError is JSON that does not parse; a TypeError from the decoder is bytes that are not UTF-8.
    if (error instanceof SyntaxError || (error instanceof TypeError && /encoded data was not valid/i.test(error.message)) || (error instanceof Error && error.name === "ZodError")) {
      // A refinement of ours (an answer nested too deep, say) says what is wrong; zod's own messages do not.
      const custom = error instanceof ZodError ? error.issues.find((i) => i.code === "custom")?.message : undefined;
      return Response.json({ ok: false, code: "INVALID", error: custom ?? "That request could not be read." }, { status: 400 });
    }
    if (isDatabaseUnavailable(error)) {
      console.error(`Database unavailable (${request.method} ${request.nextUrl.pathname}): ${describeDatabaseError(error)}`);
      return Response.json({ ok: false, code: "SERVER", error: DATABASE_UNAVAILABLE_MESSAGE }, { status: 503, headers: { "retry-after": "5" } });
    }
    console.error(error);
    return Response.json({ ok: false, code: "SERVER", error: "Something went wrong on our side. Your answers are kept; please try again." }, { status: 500 });
  }
}

export const LEARNER_ROLES: Role[] = ["STUDENT", "INSTRUCTOR", "ADMIN"];
