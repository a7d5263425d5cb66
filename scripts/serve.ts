/**
 * The production server: Next's request handler behind a plain Node HTTP server, for two things
 * `next start` cannot do (docs/decisions/010):
 * - the client's address for rate limiting is set here from the TCP peer, or from X-Forwarded-For only
 *   as far as TRUSTED_PROXY_HOPS trusted proxies vouch for it, so a forged header cannot reset a limit;
 * - on SIGTERM or SIGINT it stops accepting connections, lets the requests in flight finish (up to 20 s),
 *   then exits, so a deploy or a scale-down loses no acknowledged save;
 * - lesson pages are answered from memory, with a fresh script nonce, after the session check
 *   (lib/http/lesson-page-cache.ts, docs/decisions/012);
 * - a server action whose declared body is over the 4 MB limit gets a 413 here: Next itself would read
 *   up to the limit and answer 500 ("Body exceeded 4mb limit").
 * Environment: PORT (3000), HOST (0.0.0.0), TRUSTED_PROXY_HOPS (0).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "../lib/http/client-address";
import { serveLessonPage } from "../lib/http/lesson-page-cache";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
if (!Number.isInteger(hops) || hops < 0) {
  console.error("Configuration error: TRUSTED_PROXY_HOPS must be a whole number (0 when no proxy is in front).");
  process.exit(1);
}

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** next.config.js's `serverActions.bodySizeLimit` ("4mb"), in bytes. */
const ACTION_BODY_LIMIT = 4 * 1024 * 1024;

/** Refuses a server action whose body says it is over the limit, after reading (and dropping) at most 16 MB of it. */
function refuseOversizedAction(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || !req.headers["next-action"] || !(Number(req.headers["content-length"]) > ACTION_BODY_LIMIT)) return false;
  // NOTE: answering before the body is read would reset the connection under the client's upload.
  let read = 0;
  req.on("data", (chunk: Buffer) => {
    read += chunk.length;
    if (read > 4 * ACTION_BODY_LIMIT) req.destroy();
  });
  req.on("end", () => {
    res.writeHead(413, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end("That is more than the 4 MB a form can send.");
  });
  return true;
}

let inFlight = 0;
const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
  inFlight++;
  res.on("close", () => inFlight--);
  if (refuseOversizedAction(req, res)) return;
  void serveLessonPage(req, res, origin).then((served) => (served ? undefined : handle(req, res)));
});
// Lesson pages are rendered for the cache by a request to this very server.
const origin = `http://${hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname}:${port}`;
server.listen(port, hostname, () => console.log(`✓ Crosscheck is serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: no new connections; finishing ${inFlight} request(s) in flight…`);
  setTimeout(() => {
    console.error("Requests still running after 20 s; exiting anyway.");
    process.exit(1);
  }, 20_000).unref();
  server.close(() => {
    void app.close().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
