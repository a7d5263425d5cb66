export type TAppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "RATE_LIMITED";

/** A failure a user can be told about: pages map it to notFound()/forbidden(), route handlers to a status. */
export class AppError extends Error {
  constructor(
    readonly code: TAppErrorCode,
    message: string,
    /** What the caller needs to recover (the answer kept instead of theirs, say); route handlers send it. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<TAppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
  RATE_LIMITED: 429,
};

/** Bad input found past the form's schema (a slug taken, a quote missing from a text): one message per field. */
export class FieldsError extends AppError {
  constructor(
    readonly fields: Record<string, string>,
    message = "Please correct the fields marked below.",
  ) {
    super("INVALID", message);
    this.name = "FieldsError";
  }
}
