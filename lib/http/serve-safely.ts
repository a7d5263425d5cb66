import type { ServerResponse } from "node:http";

export const SERVER_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";

/**
 * Runs `work` for one request of scripts/serve.ts and answers a plain 500 if it throws, logging the error:
 * a rejection left unhandled there would take the whole process, and every other user's request, down.
 * An answer already begun cannot be turned into a 500, so that connection is closed instead.
 */
export async function serveSafely(res: ServerResponse, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error(`Request failed in the server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(500, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end(SERVER_ERROR_MESSAGE);
  }
}
