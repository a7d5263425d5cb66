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
}
