/**
 * Pages a database outage or time limit broke answer 503 ("busy, try again") instead of 500.
 *
 * A page's render that fails on the database shows the error page (app/error.tsx) with Next's status 500,
 * and Next 16 gives a page no way to choose another status. Next reports every server error to
 * `onRequestError` (instrumentation.ts), inside the request's own async context; our server
 * (scripts/serve.ts) runs each request in a context of this module, so the report can mark the request,
 * and the server turns the 500 it then writes into 503 with Retry-After, as the JSON routes answer.
 * NOTE: loaded twice, like lib/http/lesson-page-cache.ts (by serve.ts and inside Next's bundle): the
 * two copies share one AsyncLocalStorage on `globalThis`. At a Next upgrade, check that
 * `tests/e2e/outage/slow-database.spec.ts` still sees the 503.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";

type TRequestState = { databaseUnavailable: boolean };

function storage(): AsyncLocalStorage<TRequestState> {
  const key = Symbol.for("crosscheck.database-busy");
  const global = globalThis as typeof globalThis & { [key: symbol]: AsyncLocalStorage<TRequestState> | undefined };
  return (global[key] ??= new AsyncLocalStorage<TRequestState>());
}

/** Server side: runs `handle` for one request; a 500 after a database failure is sent as 503. */
export function runWithDatabaseBusyStatus(res: ServerResponse, handle: () => Promise<unknown>) {
  const state: TRequestState = { databaseUnavailable: false };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 500 && state.databaseUnavailable) {
      res.setHeader("retry-after", "5");
      return writeHead(503, ...rest);
    }
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
  return storage().run(state, handle);
}

/** Next's side (onRequestError): the request being handled failed because of the database. */
export function markDatabaseUnavailable() {
  const state = storage().getStore();
  if (state) state.databaseUnavailable = true;
}
