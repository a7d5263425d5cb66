import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, isServerActionPost, isUtf8Body, readActionBody, requestWithBody } from "@/lib/http/action-body";

/** Bytes that are not UTF-8: a lead byte without its continuation, bytes never used, an encoded surrogate, a cut-off sequence. */
const BROKEN = [Buffer.from([0xc3, 0x28]), Buffer.from([0xff]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe2, 0x82])];

const BOUNDARY = "----crosscheckTest";
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
/** A multipart body as a browser writes it: text fields, and files with their filename. */
function multipart(parts: { name: string; filename?: string; content: Buffer | string }[]): Buffer {
  return Buffer.concat([
    ...parts.flatMap(({ name, filename, content }) => [
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: application/zip` : ""}\r\n\r\n`),
      Buffer.from(content),
      Buffer.from("\r\n"),
    ]),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}

describe("isServerActionPost: the requests whose body is read and checked before Next", () => {
  it("is a POST from React (next-action) or a multipart form posted without JavaScript", () => {
    expect(isServerActionPost("POST", { "next-action": "abc123", "content-type": "text/plain;charset=UTF-8" })).toBe(true);
    expect(isServerActionPost("POST", { "content-type": MULTIPART })).toBe(true);
  });

  it("is not a JSON route's request, a urlencoded POST (Next runs no action from one), or a GET", () => {
    expect(isServerActionPost("POST", { "content-type": "application/json" })).toBe(false);
    expect(isServerActionPost("PUT", { "content-type": "application/json" })).toBe(false);
    expect(isServerActionPost("POST", { "content-type": "application/x-www-form-urlencoded" })).toBe(false);
    expect(isServerActionPost("GET", { "next-action": "abc123" })).toBe(false);
  });
});

describe("isUtf8Body: text that is not UTF-8 is refused, wherever it is", () => {
  it("accepts any language's text, in every encoding a form uses", () => {
    const text = "Ça va — Ελληνικά, 日本語, 🙂";
    expect(isUtf8Body(Buffer.from(JSON.stringify([text])), "text/plain;charset=UTF-8")).toBe(true);
    expect(isUtf8Body(multipart([{ name: "_1_title", content: text }, { name: "0", content: '["$K1"]' }]), MULTIPART)).toBe(true);
    expect(isUtf8Body(Buffer.from(new URLSearchParams({ title: text }).toString()), "application/x-www-form-urlencoded")).toBe(true);
    expect(isUtf8Body(Buffer.alloc(0), MULTIPART)).toBe(true);
  });

  it.each(BROKEN.map((bytes) => [bytes.toString("hex"), bytes]))("refuses %s in a JSON reply, a multipart field's value or name", (_, bytes) => {
    expect(isUtf8Body(Buffer.concat([Buffer.from('["abc'), bytes, Buffer.from('"]')]), "text/plain;charset=UTF-8")).toBe(false);
    expect(isUtf8Body(multipart([{ name: "_1_title", content: Buffer.concat([Buffer.from("ab"), bytes]) }, { name: "0", content: '["$K1"]' }]), MULTIPART)).toBe(false);
    const brokenName = Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_1_`), bytes, Buffer.from(`"\r\n\r\nx\r\n--${BOUNDARY}--\r\n`)]);
    expect(isUtf8Body(brokenName, MULTIPART)).toBe(false);
  });

  it("refuses broken bytes percent-encoded in a urlencoded name or value, or sent raw", () => {
    expect(isUtf8Body(Buffer.from("title=ab%C3%28&x=1"), "application/x-www-form-urlencoded")).toBe(false);
    expect(isUtf8Body(Buffer.from("ti%FFtle=ab"), "application/x-www-form-urlencoded")).toBe(false);
    expect(isUtf8Body(Buffer.concat([Buffer.from("title=ab"), Buffer.from([0xff])]), "application/x-www-form-urlencoded")).toBe(false);
    expect(isUtf8Body(Buffer.from("title=%C3%A7a+va%20"), "application/x-www-form-urlencoded")).toBe(true);
  });

  it("does not read a file's bytes as text (a course zip), but still checks the fields beside it", () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0xc3, 0x28, 0x00]);
    expect(isUtf8Body(multipart([{ name: "_1_file", filename: "course.zip", content: zip }, { name: "0", content: '[{},"$K1"]' }]), MULTIPART)).toBe(true);
    expect(isUtf8Body(multipart([{ name: "_1_file", filename: "course.zip", content: zip }, { name: "_1_note", content: BROKEN[0]! }]), MULTIPART)).toBe(false);
  });

  it("is not fooled into skipping a text field whose quoted name mentions a filename", () => {
    expect(isUtf8Body(multipart([{ name: 'a; filename="x"', content: BROKEN[1]! }]), MULTIPART)).toBe(false);
  });

  it("checks a multipart body whose boundary never appears as a whole", () => {
    expect(isUtf8Body(Buffer.concat([Buffer.from("garbage"), BROKEN[1]!]), MULTIPART)).toBe(false);
    expect(isUtf8Body(Buffer.from("garbage"), MULTIPART)).toBe(true);
  });
});

/** A request as the server would receive it: headers, then its body in chunks. */
function incoming(chunks: Buffer[], headers: Record<string, string> = {}) {
  const req = new PassThrough() as PassThrough & IncomingMessage;
  Object.assign(req, { method: "POST", url: "/learn", headers: { "next-action": "abc", ...headers } });
  setImmediate(() => {
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
  return req;
}

describe("readActionBody: the body in memory, up to the 4 MB limit, with or without Content-Length", () => {
  it("is every byte sent, in order", async () => {
    expect((await readActionBody(incoming([Buffer.from("ab"), Buffer.from("cd")]))) as Buffer).toEqual(Buffer.from("abcd"));
    expect(await readActionBody(incoming([Buffer.alloc(ACTION_BODY_LIMIT)]))).toHaveLength(ACTION_BODY_LIMIT);
  });

  it("is too large one byte over the limit, answered once the whole body has been read", async () => {
    const req = incoming([Buffer.alloc(ACTION_BODY_LIMIT), Buffer.alloc(1)]);
    expect(await readActionBody(req)).toBe("too-large");
    expect(req.readableEnded).toBe(true);
  });

  it("cuts off a client that sends more than four times the limit", async () => {
    const req = incoming(Array.from({ length: 5 }, () => Buffer.alloc(ACTION_BODY_LIMIT)));
    expect(await readActionBody(req)).toBeNull();
    expect(req.destroyed).toBe(true);
  });
});

describe("requestWithBody: what Next reads instead of the consumed request", () => {
  it("has the same method, URL and headers, the buffered bytes as its body, and their length instead of chunking", async () => {
    const original = new IncomingMessage(new Socket());
    Object.assign(original, { method: "POST", url: "/teach?x=1", httpVersion: "1.1", headers: { "next-action": "abc", "transfer-encoding": "chunked", "x-crosscheck-client": "203.0.113.7" } });
    const copy = requestWithBody(original, Buffer.from("çé"));
    expect(copy.socket).toBe(original.socket);
    expect([copy.method, copy.url, copy.httpVersion]).toEqual(["POST", "/teach?x=1", "1.1"]);
    expect(copy.headers).toEqual({ "next-action": "abc", "x-crosscheck-client": "203.0.113.7", "content-length": "4" });
    const chunks: Buffer[] = [];
    for await (const chunk of copy) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString("utf8")).toBe("çé");
    expect(original.socket.destroyed, "reading it to the end leaves the connection open").toBe(false);
  });
});
