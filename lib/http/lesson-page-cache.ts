/**
 * Lesson pages served from this process's memory by our own server (scripts/serve.ts), each response with
 * a fresh script nonce and after the same session check as every page (docs/decisions/012).
 *
 * A published lesson page is the same HTML for every reader, whatever their role (their progress and the
 * header are fetched by the browser; drafts are previewed elsewhere), except for the nonce Next.js puts
 * on its scripts. So the page is
 * rendered once by Next.js, as an ordinary request with the reader's own cookie, and kept split at the
 * nonce of that render. That nonce was made by proxy.ts for that one render and never sent to anyone, so
 * stored content cannot contain it: only the places Next.js put it become the new nonce of each response.
 *
 * Not served from here, always rendered by Next.js: signed-out readers (sent to sign in), users who must
 * change their password, client-side navigations (RSC payloads), HEAD, query strings, and any request
 * while the database cannot confirm the session.
 *
 * This module is loaded twice: by scripts/serve.ts, and inside Next's bundle (by instrumentation.ts,
 * which registers the session check, and by the admin's content edits, which forget the pages). The two
 * copies share one store on `globalThis`.
 */
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { constants, crc32, deflateRawSync } from "node:zlib";

/** What the page cache needs to know of the reader: one who must change their password goes to Next. */
export type TLessonReader = { mustChangePassword: boolean };
export type TSessionCheck = (headers: Headers) => Promise<TLessonReader | null>;

type TStoredPage = {
  at: number;
  /** The response headers of the render, minus per-connection ones, still carrying `nonce`. */
  headers: [string, string][];
  nonce: string;
  /** The HTML between the places the nonce goes, and the same parts compressed (see `gzipBody`). */
  parts: Buffer[];
  deflated: Buffer[];
};

type TStore = {
  pages: Map<string, TStoredPage>;
  filling: Set<string>;
  /** Bumped by every forget: a render that started before an admin's edit is not kept after it. */
  generation: number;
  checkSession?: TSessionCheck;
};

// NOTE: the same TTL as the published lessons a render reads (lib/learning/published-lessons.ts), so an
// admin's edit reaches the other nodes within a minute; on the node that made it, at once.
const TTL_MS = 30_000;
const MAX_PAGES = 500;
const LESSON_PATH = /^\/learn\/(?!sources\/)[\w-]+\/[\w-]+$/;
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];
// NOTE: HSTS depends on how each request came (lib/http/security-headers.ts): never replayed from the render.
const UNSTORED_HEADERS = new Set(["set-cookie", "date", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "x-crosscheck-cache", "strict-transport-security"]);
const CACHE_STATUS_HEADER = "x-crosscheck-cache";

function store(): TStore {
  const key = Symbol.for("crosscheck.lesson-page-cache");
  const global = globalThis as typeof globalThis & { [key: symbol]: TStore | undefined };
  return (global[key] ??= { pages: new Map(), filling: new Set(), generation: 0 });
}

/** Called once at start-up from Next's side of the process (instrumentation.ts). */
export function registerLessonSessionCheck(check: TSessionCheck) {
  store().checkSession = check;
}

/** After an admin edits content: the next request of each lesson is rendered afresh. */
export function forgetLessonPages() {
  const current = store();
  current.pages.clear();
  current.generation++;
}

function cacheablePath(req: IncomingMessage): string | null {
  if (req.method !== "GET" || !req.url || !LESSON_PATH.test(req.url)) return null;
  return ROUTER_HEADERS.some((name) => name in req.headers) ? null : req.url;
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return headers;
}

/**
 * Serves the lesson page from memory when it may; false means the request is Next's to answer. A miss
 * by a reader who may have the page also renders it for the store, once per lesson at a time.
 */
export async function serveLessonPage(req: IncomingMessage, res: ServerResponse, origin: string): Promise<boolean> {
  const path = cacheablePath(req);
  const { checkSession, pages } = store();
  if (!path || !checkSession) return false;
  const reader = await checkSession(toHeaders(req.headers)).catch(() => null);
  if (!reader || reader.mustChangePassword) return false;
  const page = pages.get(path);
  if (!page || Date.now() - page.at > TTL_MS) {
    res.setHeader(CACHE_STATUS_HEADER, "miss");
    fillLater(path, req.headers, origin);
    return false;
  }
  sendPage(page, req, res);
  return true;
}

function sendPage(page: TStoredPage, req: IncomingMessage, res: ServerResponse) {
  const nonce = randomBytes(16).toString("base64");
  const gzip = /\bgzip\b(?!;\s*q=0(\.0*)?\s*(,|$))/.test(req.headers["accept-encoding"] ?? "");
  const body = pageBody(page, nonce, gzip);
  for (const [name, value] of page.headers) res.setHeader(name, value.replaceAll(page.nonce, nonce));
  if (gzip) res.setHeader("content-encoding", "gzip");
  res.setHeader("content-length", body.length);
  res.setHeader(CACHE_STATUS_HEADER, "hit");
  res.writeHead(200).end(body);
}

function interleave(parts: Buffer[], between: Buffer): Buffer[] {
  return parts.flatMap((part, i) => (i === 0 ? [part] : [between, part]));
}

/** Renders the page through Next.js with this reader's cookie, then keeps it. */
function fillLater(path: string, incoming: IncomingHttpHeaders, origin: string) {
  const current = store();
  const { filling, pages, generation } = current;
  if (filling.has(path)) return;
  filling.add(path);
  const headers: Record<string, string> = { cookie: incoming.cookie ?? "" };
  if (typeof incoming["x-forwarded-proto"] === "string") headers["x-forwarded-proto"] = incoming["x-forwarded-proto"];
  fetch(origin + path, { headers, redirect: "manual" })
    .then(async (response) => {
      const html = Buffer.from(await response.arrayBuffer());
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      const isPage = response.status === 200 && response.headers.get("content-type")?.startsWith("text/html");
      if (!isPage || !nonce || !html.includes(nonce) || current.generation !== generation) return;
      if (pages.size >= MAX_PAGES) pages.clear();
      pages.set(path, keepPage(html, nonce, [...response.headers]));
    })
    .catch((error: unknown) => console.error("[lesson-page-cache]", path, error instanceof Error ? error.message : error))
    .finally(() => filling.delete(path));
}

/** A rendered page as kept: split where its render's nonce was, each part also compressed on its own. */
export function keepPage(html: Buffer, nonce: string, headers: [string, string][]): TStoredPage {
  const parts = splitAt(html, Buffer.from(nonce));
  const kept = headers.filter(([name]) => !UNSTORED_HEADERS.has(name.toLowerCase()));
  return { at: Date.now(), headers: kept, nonce, parts, deflated: parts.map(deflatePart) };
}

/** The kept page's body with `nonce` in its places, as one gzip member or as it is. */
export function pageBody(page: TStoredPage, nonce: string, gzip: boolean): Buffer {
  return gzip ? gzipBody(page, nonce) : Buffer.concat(interleave(page.parts, Buffer.from(nonce)));
}

function splitAt(buffer: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = buffer.indexOf(separator); at !== -1; at = buffer.indexOf(separator, from)) {
    parts.push(buffer.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(buffer.subarray(from));
  return parts;
}

/**
 * A part compressed on its own and ended with a full flush: byte-aligned, with no back-references
 * into what came before, so compressed parts can be joined around anything placed between them.
 */
function deflatePart(part: Buffer): Buffer {
  return deflateRawSync(part, { finishFlush: constants.Z_FULL_FLUSH });
}

/**
 * The page as one gzip member (RFC 1952) without compressing it again: the stored compressed parts with
 * the nonce between them as uncompressed ("stored", RFC 1951 §3.2.4) blocks, then an empty final block,
 * the CRC-32 and the length. Costs a CRC over the page, a few microseconds, instead of a compression.
 */
function gzipBody(page: TStoredPage, nonce: string): Buffer {
  const plainNonce = Buffer.from(nonce);
  const storedNonce = Buffer.concat([Buffer.from([0, plainNonce.length, 0, ~plainNonce.length & 0xff, 0xff]), plainNonce]);
  let crc = 0;
  let size = 0;
  for (const chunk of interleave(page.parts, plainNonce)) {
    crc = crc32(chunk, crc);
    size += chunk.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const finalBlock = Buffer.from([3, 0]);
  return Buffer.concat([header, ...interleave(page.deflated, storedNonce), finalBlock, trailer]);
}
