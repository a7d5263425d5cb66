import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SERVER_ERROR_MESSAGE, serveSafely } from "@/lib/http/serve-safely";

let server: Server | null = null;
afterEach(() => {
  server?.close();
  vi.restoreAllMocks();
});

describe("serveSafely: a request that throws in scripts/serve.ts does not take the server down", () => {
  it("answers that request 500 in plain words, logs it, and keeps answering the next ones", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // The shape of serve.ts's handler: a check (here one that throws on /boom), then the answer.
    server = createServer((req, res) => {
      void serveSafely(res, async () => {
        if (req.url === "/boom") throw new Error("the body check broke");
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const failed = await fetch(`${base}/boom`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe(SERVER_ERROR_MESSAGE);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("the body check broke"));
    const next = await fetch(`${base}/fine`);
    expect(await next.text()).toBe("ok");
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).not.toHaveBeenCalled();
    process.off("unhandledRejection", unhandled);
  });
});
