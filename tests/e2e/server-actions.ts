import { readdirSync, readFileSync, statSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";

/** A built server action: its id and where it comes from, as `.next/server/server-reference-manifest.json` says. */
export type TBuiltAction = { id: string; file: string; name: string; pages: string[] };

/** Every server action of the production build (Next 16: `{ node: { [id]: { filename, exportedName, workers } } }`). */
export function readBuiltActions(root = process.cwd()): TBuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
    edge: Record<string, unknown>;
  };
  if (Object.keys(manifest.edge ?? {}).length) throw new Error("Edge server actions appeared: add them to this test's enumeration.");
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, file: entry.filename, name: entry.exportedName, pages: Object.keys(entry.workers) }));
}

/** Every exported function of every `app/**` file that starts with "use server", read from the source. */
export function readSourceActions(root = process.cwd()): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir))) {
      const rel = path.posix.join(dir, entry);
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry)) {
        const text = readFileSync(path.join(root, rel), "utf8");
        if (!/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(text)) continue;
        for (const match of text.matchAll(/^export\s+(?:async\s+)?(?:function\*?\s+|const\s+|let\s+)(\w+)/gm)) found.push({ file: rel, name: match[1]! });
        for (const match of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
          for (const part of match[1]!.split(",")) {
            const name = part.trim().split(/\s+as\s+/).pop();
            if (name && !/^type\s/.test(part.trim())) found.push({ file: rel, name });
          }
        }
      }
    }
  };
  walk("app");
  return found;
}

/** A file field of a form. */
export type TFile = { name: string; mimeType: string; buffer: Buffer };
/** Exact bytes sent in place of a value: a form field's text, or a JSON value (`1e309`, broken UTF-8 in a string). */
export type TRaw = { raw: Buffer };
export type TForm = Record<string, string | string[] | TFile | TRaw>;

/**
 * How the browser calls an action (React's `encodeReply`, as captured from Chromium): a form action gets
 * its FormData fields prefixed with "_1_" and the argument list `["$K1"]` in field "0" (after the state a
 * `useActionState` action receives first: `[{...}, "$K1"]`); an action called with plain values gets
 * them as JSON text. The hidden `$ACTION_REF`/`$ACTION_KEY` fields a <form> adds are not needed.
 */
export type TCall = { state: TForm } | { form: TForm } | { json: unknown[] };

const isFile = (value: unknown): value is TFile => typeof value === "object" && value !== null && "buffer" in value;
const isRaw = (value: unknown): value is TRaw => typeof value === "object" && value !== null && "raw" in value;

/** JSON text with each TRaw's bytes where it stands (a marker string stands in for it while stringifying). */
function jsonWithRaw(value: unknown): Buffer {
  const raws: Buffer[] = [];
  const text = JSON.stringify(value, (_, v: unknown) => (isRaw(v) ? `\u0001raw${raws.push(Buffer.from(v.raw)) - 1}\u0001` : v));
  const parts = text.split(/"\\u0001raw(\d+)\\u0001"/);
  return Buffer.concat(parts.map((part, i) => (i % 2 ? raws[Number(part)]! : Buffer.from(part, "utf8"))));
}

/** A multipart body written by hand, for fields whose bytes FormData would re-encode (broken UTF-8). */
function rawMultipart(fields: [string, string | TRaw][]): { data: Buffer; contentType: string } {
  const boundary = `----crosscheck${Date.now().toString(36)}`;
  const parts = fields.flatMap(([key, value]) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n`),
    isRaw(value) ? value.raw : Buffer.from(value, "utf8"),
    Buffer.from("\r\n"),
  ]);
  return { data: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

function encode(call: TCall): { multipart: FormData } | { data: string | Buffer; contentType: string } {
  if ("json" in call) return { data: jsonWithRaw(call.json), contentType: "text/plain;charset=UTF-8" };
  const fields = "state" in call ? call.state : call.form;
  const values = Object.values(fields).flatMap((value) => (Array.isArray(value) ? value : [value]));
  if (values.some(isRaw)) {
    if (values.some(isFile)) throw new Error("raw bytes and files in one form are not supported");
    const list = Object.entries(fields).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((one) => [`_1_${key}`, one as string | TRaw] as [string, string | TRaw]));
    return rawMultipart([...list, ["0", JSON.stringify("state" in call ? [{}, "$K1"] : ["$K1"])]]);
  }
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (isFile(one)) body.append(`_1_${key}`, new Blob([new Uint8Array(one.buffer)], { type: one.mimeType }), one.name);
      else if (!isRaw(one)) body.append(`_1_${key}`, one);
    }
  }
  body.append("0", JSON.stringify("state" in call ? [{}, "$K1"] : ["$K1"]));
  return { multipart: body };
}

export type TOutcome = { status: number; redirect: string | null; text: string };

/**
 * POSTs a server action the way the browser does, from `page` (an attacker may pick any page); with
 * `chunked`, its body goes out in chunks with no Content-Length, as a script's streamed upload does;
 * with `origin`, as a page of that site would (a browser always names the site that posts).
 */
export async function callAction(
  request: APIRequestContext,
  baseURL: string,
  page: string,
  actionId: string,
  call: TCall,
  { chunked = false, origin = baseURL }: { chunked?: boolean; origin?: string } = {},
): Promise<TOutcome> {
  const encoded = encode(call);
  const headers: Record<string, string> = { "next-action": actionId, origin, accept: "text/x-component" };
  if ("data" in encoded) headers["content-type"] = encoded.contentType;
  if (chunked) return postChunked(request, new URL(page, baseURL), headers, encoded);
  let response: APIResponse;
  try {
    response = await request.post(page, { headers, maxRedirects: 0, ...("data" in encoded ? { data: encoded.data } : { multipart: encoded.multipart }) });
  } catch (error) {
    // NOTE: a response sent before the body was read (the proxy's redirect) may end in a reset: a refusal too.
    if (/ECONNRESET|socket hang up/.test(String(error))) return { status: 0, redirect: null, text: "" };
    throw error;
  }
  const actionRedirect = response.headers()["x-action-redirect"];
  const location = response.headers()["location"];
  return { status: response.status(), redirect: actionRedirect ?? location ?? null, text: await response.text() };
}

/** The same POST over Node's http with `Transfer-Encoding: chunked`, with the context's cookies. */
async function postChunked(request: APIRequestContext, url: URL, headers: Record<string, string>, encoded: ReturnType<typeof encode>): Promise<TOutcome> {
  let body: Buffer;
  if ("data" in encoded) body = Buffer.from(encoded.data);
  else {
    const form = new Response(encoded.multipart);
    headers["content-type"] = form.headers.get("content-type")!;
    body = Buffer.from(await form.arrayBuffer());
  }
  const cookie = (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, { method: "POST", headers: { ...headers, cookie, "transfer-encoding": "chunked" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const redirect = response.headers["x-action-redirect"] ?? response.headers.location ?? null;
        resolve({ status: response.statusCode ?? 0, redirect: Array.isArray(redirect) ? redirect[0]! : redirect, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    sent.on("error", (error) => (/ECONNRESET|socket hang up|EPIPE/.test(String(error)) ? resolve({ status: 0, redirect: null, text: "" }) : reject(error)));
    for (let at = 0; at < body.length; at += 64 * 1024) sent.write(body.subarray(at, at + 64 * 1024));
    sent.end();
  });
}

/**
 * The value the action returned, as RSC text: the root row "0:" names it (`"a":"$@<row>"`), and row <row>
 * holds it (`{"error":...}`, `{"ok":...}`, `E{"digest":...}` for a thrown error). Null when there is none.
 */
export function actionResult(text: string): string | null {
  const rows = rscRows(text);
  const row = /"a":"\$@([0-9a-f]+)"/.exec(rows.get("0") ?? "")?.[1];
  return row ? (rows.get(row) ?? null) : null;
}

/**
 * The rows of an RSC response by id: `<id>:<json>\n`, or `<id>:T<hex byte length>,<text>` with no newline
 * after the text (a long string the action echoed back, such as what was typed in a form).
 */
export function rscRows(text: string): Map<string, string> {
  const bytes = Buffer.from(text, "utf8");
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(":", at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString("utf8");
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(",", colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString("utf8"), 16);
      rows.set(id, `T${bytes.subarray(comma + 1, comma + 1 + length).toString("utf8")}`);
      at = comma + 1 + length;
    } else {
      const end = bytes.indexOf("\n", colon);
      rows.set(id, bytes.subarray(colon + 1, end < 0 ? bytes.length : end).toString("utf8"));
      at = end < 0 ? bytes.length : end + 1;
    }
  }
  return rows;
}
