/**
 * Telling "the database is not there or too busy to answer" (stopped, restarting, unreachable, out of
 * connections, a statement or transaction past its time limit) apart from a bug, so that callers can answer 503 with a message a learner understands instead of a generic 500.
 * The errors come from three layers, each with its own shape:
 * - Prisma: `P1001` can't reach, `P1002`/`P1008` timed out, `P1017` server closed the connection,
 *   `P2037` too many connections, `P2028` an interactive transaction that could not start or finish in
 *   its time (a slow or locked database); or `P2010` (raw query failed) wrapping the driver adapter's error in
 *   `meta.driverAdapterError.cause` (`kind`, and `originalCode` for a Postgres SQLSTATE);
 * - Postgres: SQLSTATE class 08 (connection exception), `57P01`–`57P03` (shut down by an administrator or
 *   a crash, cannot connect now: what a restart looks like), `53300` (too many connections), `57014` (a
 *   statement cancelled by `statement_timeout`, lib/db.ts), `25P03` (a transaction ended by
 *   `idle_in_transaction_session_timeout`), `55P03` (a lock not obtained in time);
 * - node-postgres and the socket: connections refused or unreachable, and the pool's own messages
 *   (among them "timeout exceeded when trying to connect": no free connection within 3 s).
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2028", "P2037"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300|57014|25P03|55P03)$/;
// Only failures to open a connection: a bare ECONNRESET is as likely the learner's own request aborted.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND"]);
const CONNECTING = new Set(["connect", "getaddrinfo"]);
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|not queryable|Server has closed the connection/i;

type TErrorLike = { code?: unknown; syscall?: unknown; message?: unknown; errors?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };

/**
 * A socket error (ECONNRESET, EPIPE) from a query on the database's own connection: the database went
 * away mid-query. NOTE: marked where the query is made, because a bare ECONNRESET may as well be the
 * learner's own request aborted (see SOCKET_CODES).
 */
export function lostDatabaseConnection(error: unknown): unknown {
  const e = error as TErrorLike | null;
  if (!e || typeof e !== "object" || typeof e.syscall !== "string" || !["ECONNRESET", "EPIPE"].includes(String(e.code))) return error;
  return Object.assign(new Error(`Database connection lost: ${String(e.message)}`, { cause: error }), { name: "DatabaseConnectionLost" });
}

/** True when `error` (or an error it wraps) says the database cannot be reached or used right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const e = current as TErrorLike & { name?: unknown };
    if (e.name === "DatabaseConnectionLost") return true;
    if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
    if (typeof e.code === "string" && SOCKET_CODES.has(e.code) && CONNECTING.has(String(e.syscall))) return true;
    const adapter = e.meta?.driverAdapterError?.cause;
    if (adapter && (ADAPTER_KINDS.has(String(adapter.kind)) || SQLSTATE.test(String(adapter.originalCode ?? "")))) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    // Node reports a refused connection to a name with several addresses (localhost: ::1 and 127.0.0.1)
    // as an AggregateError of one error per address.
    if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(isDatabaseUnavailable)) return true;
    current = e.cause ?? e.meta?.driverAdapterError;
  }
  return false;
}

/** What a learner is told while the database is away: nothing they gave is lost, and it will be saved. */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database cannot be reached just now. Your answers are kept; they will be saved when it is back.";

/** One short log line instead of a stack trace per request, which would flood the log during an outage. */
export function describeDatabaseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as TErrorLike | null)?.code;
  return `${typeof code === "string" ? `${code}: ` : ""}${message.trim().split("\n").at(-1)}`;
}
