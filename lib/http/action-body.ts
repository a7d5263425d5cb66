import { isUtf8 } from "node:buffer";
import { IncomingMessage, type IncomingHttpHeaders } from "node:http";

/**
 * The bytes of a server action's body, checked before Next reads them (scripts/serve.ts): Next cuts a body
 * sent without Content-Length off at its limit with a 500, and decodes broken UTF-8 to U+FFFD, which an
 * action would then store as typed. Both are a client's mistake, so both get a clear 4xx here instead.
 */

/** next.config.js's `serverActions.bodySizeLimit` ("4mb"), in bytes. */
export const ACTION_BODY_LIMIT = 4 * 1024 * 1024;
export const TOO_LARGE_MESSAGE = "That is more than the 4 MB a form can send.";
export const NOT_UTF8_MESSAGE = "This form sent text that is not valid UTF-8.";

/**
 * Whether Next would read this request as a server action: a POST from React's fetch (`next-action`
 * header) or a form posted without JavaScript (multipart, the encoding React gives an action's form).
 * NOTE: Next never runs an action from a urlencoded body, so such a POST is left alone.
 */
export function isServerActionPost(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  return method === "POST" && (typeof headers["next-action"] === "string" || /^multipart\/form-data\b/i.test(headers["content-type"] ?? ""));
}

/**
 * The body of `req`, read into memory: "too-large" once a body over ACTION_BODY_LIMIT has been read to its
 * end (and dropped), null if the client went away or sent more than four times the limit (the
 * connection is then destroyed). The length is counted whether the body came with Content-Length or chunked.
 * NOTE: the refusal waits for the end of the body, because answering mid-upload would reset the
 * connection under the client before it reads the answer.
 */
export function readActionBody(req: IncomingMessage): Promise<Buffer | "too-large" | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let read = 0;
    req.on("data", (chunk: Buffer) => {
      read += chunk.length;
      if (read <= ACTION_BODY_LIMIT) chunks.push(chunk);
      else if (read > 4 * ACTION_BODY_LIMIT) req.destroy();
    });
    req.on("end", () => resolve(read > ACTION_BODY_LIMIT ? "too-large" : Buffer.concat(chunks, read)));
    req.on("error", () => resolve(null));
    req.on("close", () => resolve(null)); // after "end" this changes nothing: a promise settles once
  });
}

/**
 * A request like `req` (method, URL, headers, socket) whose body is exactly `body`, for Next to read
 * after `req`'s own stream has been consumed: Content-Length says its length, and it is no longer chunked.
 */
export function requestWithBody(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const { "transfer-encoding": _chunked, ...headers } = req.headers;
  copy.headers = { ...headers, "content-length": String(body.length) };
  copy.rawHeaders = Object.entries(copy.headers).flatMap(([name, value]) => (Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, value ?? ""]));
  // NOTE: an IncomingMessage destroyed before it is `complete` counts as aborted and destroys the socket.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

/**
 * Whether the body's text is valid UTF-8: every name and value of a urlencoded body once percent-decoded;
 * every part of a multipart body but the contents of a file (a course zip is bytes, not text); any other
 * body (React's JSON reply) whole.
 */
export function isUtf8Body(body: Buffer, contentType: string | undefined): boolean {
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) return body.toString("latin1").split("&").every((pair) => isUtf8(percentDecoded(pair)));
  const boundary = /^multipart\/form-data\b.*;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  if (boundary) return textOfMultipart(body, boundary[1] ?? boundary[2]!).every((text) => isUtf8(text));
  return isUtf8(body);
}

/** A urlencoded `name=value` (read as latin1, one character per byte) as the bytes it stands for. */
function percentDecoded(pair: string): Buffer {
  const bytes = pair.replace(/\+/g, " ").replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1");
}

/**
 * The pieces of a multipart body that are text: everything but the contents of a part whose
 * Content-Disposition names a file. The delimiters are ASCII, so no UTF-8 character is split. A body in
 * which the boundary never appears is returned whole.
 */
function textOfMultipart(body: Buffer, boundary: string): Buffer[] {
  const first = body.indexOf(`--${boundary}`);
  if (first < 0) return [body];
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const pieces = [body.subarray(0, first)];
  let at = first + delimiter.length - 2;
  for (;;) {
    const end = body.indexOf(delimiter, at);
    const part = body.subarray(at, end < 0 ? body.length : end);
    const headEnd = part.indexOf("\r\n\r\n");
    const head = headEnd < 0 ? part : part.subarray(0, headEnd);
    pieces.push(namesAFile(head) ? head : part);
    if (end < 0) return pieces;
    at = end + delimiter.length;
  }
}

/** Whether a part's headers give it a filename (quoted strings blanked first, so a field's name cannot fake one). */
function namesAFile(head: Buffer): boolean {
  return /;\s*filename\*?\s*=/i.test(head.toString("latin1").replace(/"(?:[^"\\]|\\.)*"/g, '""'));
}
