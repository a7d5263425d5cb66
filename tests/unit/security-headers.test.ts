import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { isCrossSiteAction } from "@/lib/http/action-origin";
import { isHttpsRequest } from "@/lib/http/security-headers";

const request = (headers: Record<string, string>, encrypted = false) => ({ headers, socket: { encrypted } }) as unknown as IncomingMessage;

describe("isHttpsRequest (HSTS only over HTTPS)", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(isHttpsRequest(request({ "x-forwarded-proto": "https" }), 0)).toBe(false);
    expect(isHttpsRequest(request({ "x-forwarded-proto": "https" }), 1)).toBe(true);
    expect(isHttpsRequest(request({ "x-forwarded-proto": "http" }), 1)).toBe(false);
    expect(isHttpsRequest(request({}), 1)).toBe(false);
  });

  it("takes the scheme the nearest proxy wrote, not one the client put before it", () => {
    expect(isHttpsRequest(request({ "x-forwarded-proto": "https, http" }), 1)).toBe(false);
    expect(isHttpsRequest(request({ "x-forwarded-proto": "http, HTTPS" }), 1)).toBe(true);
  });

  it("a TLS socket of our own is HTTPS", () => {
    expect(isHttpsRequest(request({}, true), 0)).toBe(true);
  });
});

describe("isCrossSiteAction (a server action posted from another site)", () => {
  it("compares the Origin's host with the forwarded host, else the Host, as Next does", () => {
    expect(isCrossSiteAction({ origin: "https://crosscheck.example.org", host: "crosscheck.example.org" })).toBe(false);
    expect(isCrossSiteAction({ origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" })).toBe(false);
    expect(isCrossSiteAction({ origin: "https://evil.example", host: "crosscheck.example.org" })).toBe(true);
    expect(isCrossSiteAction({ origin: "https://crosscheck.example.org", host: "node-a:3000", "x-forwarded-host": "crosscheck.example.org" })).toBe(false);
    expect(isCrossSiteAction({ origin: "https://crosscheck.example.org.evil.example", host: "crosscheck.example.org" })).toBe(true);
  });

  it("an opaque or unreadable Origin never matches; no Origin is not a browser's request and is left to Next", () => {
    expect(isCrossSiteAction({ origin: "null", host: "crosscheck.example.org" })).toBe(true);
    expect(isCrossSiteAction({ origin: "::not a url", host: "crosscheck.example.org" })).toBe(true);
    expect(isCrossSiteAction({ host: "crosscheck.example.org" })).toBe(false);
  });
});
