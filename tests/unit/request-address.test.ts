import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_SECRET_ENV } from "@/lib/http/client-address";

// The request's headers as Next would hand them to a server action.
const incoming = new Map<string, string>();
vi.mock("next/headers", () => ({ headers: async () => ({ get: (name: string) => incoming.get(name) ?? null }) }));
const { getRequestAddress } = await import("@/lib/auth/request-address");

afterEach(() => {
  incoming.clear();
  delete process.env[CLIENT_ADDRESS_SECRET_ENV];
});

describe("getRequestAddress: a client cannot name its own address", () => {
  it("under `next start` or `next dev` (no serve.ts), a client's own x-crosscheck-client is ignored", async () => {
    incoming.set("x-crosscheck-client", "198.51.100.66");
    expect(await getRequestAddress()).toBe("local");
    incoming.set("x-crosscheck-client-proof", "a guess");
    expect(await getRequestAddress()).toBe("local");
  });

  it("under serve.ts, the address counts only with this process's proof beside it", async () => {
    process.env[CLIENT_ADDRESS_SECRET_ENV] = "this-process-secret";
    incoming.set("x-crosscheck-client", "203.0.113.5");
    expect(await getRequestAddress()).toBe("local");
    incoming.set("x-crosscheck-client-proof", "this-process-secreT");
    expect(await getRequestAddress()).toBe("local");
    incoming.set("x-crosscheck-client-proof", "this-process-secret");
    expect(await getRequestAddress()).toBe("203.0.113.5");
  });
});
