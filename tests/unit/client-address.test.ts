import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/http/client-address";

describe("clientAddress: whose address a rate limit counts", () => {
  it("with no trusted proxy, ignores X-Forwarded-For entirely: a forged header changes nothing", () => {
    expect(clientAddress(undefined, "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddress("198.51.100.1", "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddress("1.1.1.1, 2.2.2.2", "203.0.113.7", 0)).toBe("203.0.113.7");
  });

  it("behind one trusted proxy, takes the address that proxy appended, not what the client wrote before it", () => {
    // The client forged "6.6.6.6"; nginx appended the address it really saw.
    expect(clientAddress("6.6.6.6, 203.0.113.7", "127.0.0.1", 1)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", "127.0.0.1", 1)).toBe("203.0.113.7");
  });

  it("behind two trusted proxies, counts two from the right", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", "127.0.0.1", 2)).toBe("203.0.113.7");
    expect(clientAddress(["6.6.6.6", "203.0.113.7, 10.0.0.2"], "127.0.0.1", 2)).toBe("203.0.113.7");
  });

  it("falls back to the peer when a trusted proxy sent no header", () => {
    expect(clientAddress(undefined, "127.0.0.1", 1)).toBe("127.0.0.1");
    expect(clientAddress("", undefined, 1)).toBe("unknown");
  });
});
