/**
 * Runs once when the server starts. On Node, it hands our own server (scripts/serve.ts) the session check
 * it needs before it may answer a lesson page from memory (docs/decisions/012): the same check as every
 * page's, from inside Next's bundle, where the database client lives.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerLessonSessionCheck } = await import("@/lib/http/lesson-page-cache");
  const { verifyHeaderSession } = await import("@/lib/auth/verify-request");
  registerLessonSessionCheck((headers) => verifyHeaderSession(headers));
  const { isDatabaseUnavailable } = await import("@/lib/db-errors");
  const { markDatabaseUnavailable } = await import("@/lib/http/database-busy");
  onDatabaseError = (error) => isDatabaseUnavailable(error) && markDatabaseUnavailable();
}

let onDatabaseError: ((error: unknown) => void) | null = null;

/**
 * Every error Next's server catches. One caused by the database (down, or past its time limits) marks the
 * request, so that our server answers the error page with 503 instead of 500 (lib/http/database-busy.ts).
 * NOTE: synchronous, so the mark is made before Next writes the status.
 */
export function onRequestError(error: unknown) {
  onDatabaseError?.(error);
}
