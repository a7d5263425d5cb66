import { describe, expect, it } from "vitest";
import { addressGroup, clientAddress, vouchForClientAddress, vouchedClientAddress } from "@/lib/http/client-address";

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

describe("addressGroup: which addresses a rate limit counts as one client", () => {
  it("counts an IPv6 address by its /64, however it is written", () => {
    const group = addressGroup("2001:db8:a:12::1");
    expect(group).toBe("2001:db8:a:12::/64");
    for (const same of ["2001:db8:a:12::ffff", "2001:DB8:A:12:0:0:0:2", "2001:0db8:000a:0012:1:2:3:4", "[2001:db8:a:12::9]", "2001:db8:a:12::1%eth0", "2001:db8:a:12::1.2.3.4"]) {
      expect(addressGroup(same), same).toBe(group);
    }
    expect(addressGroup("2001:db8:a:13::1")).toBe("2001:db8:a:13::/64");
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
  });

  it("keeps an IPv4 address whole, an IPv4-mapped one as IPv4, and anything else as it is", () => {
    expect(addressGroup("203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("203.0.113.8")).toBe("203.0.113.8");
    expect(addressGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("local")).toBe("local");
  });
});

describe("vouchForClientAddress / vouchedClientAddress: only our own server names the client", () => {
  it("replaces what the client sent under both names, and the proof is what makes it count", () => {
    const headers: Record<string, string | string[] | undefined> = { "x-crosscheck-client": "6.6.6.6", "x-crosscheck-client-proof": "forged" };
    vouchForClientAddress(headers, "203.0.113.7", "secret-1");
    expect(headers["x-crosscheck-client"]).toBe("203.0.113.7");
    expect(vouchedClientAddress("203.0.113.7", String(headers["x-crosscheck-client-proof"]), "secret-1")).toBe("203.0.113.7");
    expect(vouchedClientAddress("6.6.6.6", "forged", "secret-1")).toBeNull();
    expect(vouchedClientAddress("6.6.6.6", null, "secret-1")).toBeNull();
    expect(vouchedClientAddress("6.6.6.6", "", undefined)).toBeNull();
  });
});
