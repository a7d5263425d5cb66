/**
 * The production server: Next's request handler behind a plain Node HTTP server, for what
 * `next start` cannot do (docs/decisions/010):
 * - the client's address for rate limiting is set here from the TCP peer, or from X-Forwarded-For only
 *   as far as TRUSTED_PROXY_HOPS trusted proxies vouch for it, so a forged header cannot reset a limit,
 *   with this process's secret beside it, so that the app trusts that header only when this server set it;
 * - a request that throws here gets a plain 500 and a log line, never an unhandled rejection that would end
 *   the process;
 * - on SIGTERM or SIGINT it stops accepting connections, lets the requests in flight finish (up to 20 s),
 *   then exits, so a deploy or a scale-down loses no acknowledged save;
 * - lesson pages are answered from memory, with a fresh script nonce, after the session check
 *   (lib/http/lesson-page-cache.ts, docs/decisions/012);
 * - a server action's body (a POST with `next-action`, or a multipart form posted without JavaScript) is
 *   read here first, chunked or not (lib/http/action-body.ts): over the 4 MB limit it gets a 413, where
 *   Next would answer 500 ("Body exceeded 4mb limit"); text that is not UTF-8 gets a 400, where Next would
 *   store U+FFFD in its place (a file's bytes are not text and are not checked). Next then reads the
 *   buffered body; every other request streams to Next untouched. One posted from another site (its
 *   Origin names another host) gets a 403 with a plain message first, where Next would answer 500;
 * - a page whose render failed on the database is answered 503, not 500 (lib/http/database-busy.ts);
 * - every response gets Permissions-Policy, Cross-Origin-Opener-Policy, and HSTS when the request came
 *   over HTTPS (lib/http/security-headers.ts).
 * Environment: PORT (3000), HOST (0.0.0.0), TRUSTED_PROXY_HOPS (0).
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { isServerActionPost, isUtf8Body, NOT_UTF8_MESSAGE, readActionBody, requestWithBody, TOO_LARGE_MESSAGE } from "../lib/http/action-body";
import { CROSS_SITE_MESSAGE, isCrossSiteAction } from "../lib/http/action-origin";
import { CLIENT_ADDRESS_SECRET_ENV, clientAddress, vouchForClientAddress } from "../lib/http/client-address";
import { runWithDatabaseBusyStatus } from "../lib/http/database-busy";
import { serveLessonPage } from "../lib/http/lesson-page-cache";
import { serveSafely } from "../lib/http/serve-safely";
import { setSecurityHeaders } from "../lib/http/security-headers";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
if (!Number.isInteger(hops) || hops < 0) {
  console.error("Configuration error: TRUSTED_PROXY_HOPS must be a whole number (0 when no proxy is in front).");
  process.exit(1);
}

// The proof, beside the client address, that this server set it (lib/auth/request-address.ts trusts nothing else).
const clientAddressSecret = randomBytes(32).toString("base64url");
process.env[CLIENT_ADDRESS_SECRET_ENV] = clientAddressSecret;

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * A server action's request with its body read and checked: the request to hand Next (its body buffered),
 * or null once it has been answered here, 413 over the 4 MB limit, 403 from another site, 400 for text
 * that is not UTF-8. Any other request is returned as it is, its body still streaming.
 */
async function checkedActionRequest(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> {
  if (!isServerActionPost(req.method, req.headers)) return req;
  const body = await readActionBody(req);
  if (body === null) return null; // the client went away, or sent far too much and was cut off
  const refuse = (status: number, message: string) => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end(message);
    return null;
  };
  if (body === "too-large") return refuse(413, TOO_LARGE_MESSAGE);
  // NOTE: after the body is read, so that the browser gets the answer rather than a connection reset.
  if (isCrossSiteAction(req.headers)) return refuse(403, CROSS_SITE_MESSAGE);
  if (!isUtf8Body(body, req.headers["content-type"])) return refuse(400, NOT_UTF8_MESSAGE);
  return requestWithBody(req, body);
}

let inFlight = 0;
const server = createServer((req, res) => {
  vouchForClientAddress(req.headers, clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops), clientAddressSecret);
  setSecurityHeaders(req, res, hops);
  inFlight++;
  res.on("close", () => inFlight--);
  void serveSafely(res, async () => {
    const checked = await checkedActionRequest(req, res);
    if (checked && !(await serveLessonPage(checked, res, origin))) await runWithDatabaseBusyStatus(res, () => handle(checked, res));
  });
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
