import "server-only";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { NextRequest } from "next/server";
import type { TCurrentUser } from "@/lib/auth/session";
import { verifyRequestSession } from "@/lib/auth/verify-request";

/**
 * A JSON route handler body run for a signed-in caller holding one of `roles`. AppErrors become their
 * HTTP status with a message a user can read; bad JSON or input becomes 400; anything else a 500
 * without details.
 */
export async function handleApi<T>(request: NextRequest, roles: Role[], fn: (user: TCurrentUser) => Promise<T>): Promise<Response> {
  try {
    const user = await verifyRequestSession(request, roles);
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again: your answers are kept on this device.");
    return Response.json({ ok: true, data: await fn(user) });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ ok: false, code: error.code, error: error.message }, { status: HTTP_STATUS[error.code] });
    if (error instanceof SyntaxError || (error instanceof Error && error.name === "ZodError")) {
      return Response.json({ ok: false, code: "INVALID", error: "That request could not be read." }, { status: 400 });
    }
    console.error(error);
    return Response.json({ ok: false, code: "SERVER", error: "Something went wrong on our side. Your answers are kept; please try again." }, { status: 500 });
  }
}

export const LEARNER_ROLES: Role[] = ["STUDENT", "INSTRUCTOR", "ADMIN"];
