import { unstable_rethrow } from "next/navigation";
import { DATABASE_UNAVAILABLE_MESSAGE, describeDatabaseError, isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";

export type TActionResult<T> = { ok: true; data: T } | { ok: false; code: string; error: string };

/**
 * Runs a server action's body and turns an AppError (or bad input) into a result the client can show.
 * A database that cannot be reached gets its own message; anything else is logged and reported without
 * details: a user never sees a stack trace. Next's own interrupts (redirect, forbidden) pass through.
 */
export async function toActionResult<T>(fn: () => Promise<T>): Promise<TActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) return { ok: false, code: error.code, error: error.message };
    if (error instanceof Error && error.name === "ZodError") return { ok: false, code: "INVALID", error: "That request could not be read." };
    if (isDatabaseUnavailable(error)) {
      console.error(`Database unavailable (server action): ${describeDatabaseError(error)}`);
      return { ok: false, code: "SERVER", error: DATABASE_UNAVAILABLE_MESSAGE };
    }
    console.error(error);
    return { ok: false, code: "SERVER", error: "Something went wrong on our side. Your answers are kept; please try again." };
  }
}
