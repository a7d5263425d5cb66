import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { AppError } from "@/lib/errors";
import { checkSignIn, clearSignInFailures, LIMITS, limitSignUp, recordSignInFailure } from "@/lib/auth/rate-limit";
import { db } from "./helpers";

const tag = () => randomBytes(4).toString("hex");

async function refused(call: Promise<unknown>) {
  const error = await call.then(() => null, (e: unknown) => e);
  // By name and code, not instanceof: a fresh module instance (the "second process") has its own AppError class.
  const refusal = error as AppError | null;
  return refusal?.name === "AppError" && refusal.code === "RATE_LIMITED" ? refusal.message : null;
}

describe("sign-in throttling, with its counts in Postgres", () => {
  it("refuses an account guessed at from one client after 5 failures, well before 100; the real user elsewhere still gets in", async () => {
    const login = `victim-${tag()}@example.test`;
    const attacker = `198.51.100.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < LIMITS.accountFromClient.points; i++) {
      expect(await refused(checkSignIn(login, attacker))).toBeNull();
      await recordSignInFailure(login, attacker);
    }
    expect(await refused(checkSignIn(login, attacker))).toMatch(/Too many attempts\. Please wait \d+ minutes? and try again\./);
    // The real user, from the school's address, is not locked out by someone else's guessing.
    expect(await refused(checkSignIn(login, "203.0.113.10"))).toBeNull();
  });

  it("a success clears the account's failures from that client, so a typo or two never adds up", async () => {
    const login = `typo-${tag()}@example.test`;
    const address = "203.0.113.20";
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < LIMITS.accountFromClient.points - 1; i++) await recordSignInFailure(login, address);
      expect(await refused(checkSignIn(login, address))).toBeNull();
      await clearSignInFailures(login, address);
    }
  });

  it("refuses a client trying many accounts (credential stuffing) after 30 failures", async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < LIMITS.client.points; i++) await recordSignInFailure(`stuffed-${tag()}@example.test`, address);
    expect(await refused(checkSignIn(`another-${tag()}@example.test`, address))).not.toBeNull();
  });

  it("keeps its counts in the database, so another app process (a fresh module instance) refuses too", async () => {
    const login = `shared-${tag()}@example.test`;
    const address = "203.0.113.30";
    for (let i = 0; i < LIMITS.accountFromClient.points; i++) await recordSignInFailure(login, address);
    const rows = await db.$queryRaw<{ points: number }[]>`SELECT "points" FROM "RateLimit" WHERE "key" = ${`accountFromClient:${login}|${address}`}`;
    expect(rows[0]?.points).toBe(LIMITS.accountFromClient.points);

    vi.resetModules();
    const secondProcess = await import("@/lib/auth/rate-limit");
    expect(await refused(secondProcess.checkSignIn(login, address))).not.toBeNull();
  });

  it("lets a class of 30 sign up from one school address, and refuses a flood", async () => {
    const school = `203.0.113.${100 + Math.floor(Math.random() * 100)}`;
    for (let i = 0; i < 30; i++) expect(await refused(limitSignUp(school))).toBeNull();
    for (let i = 30; i < LIMITS.signUp.points; i++) await limitSignUp(school);
    expect(await refused(limitSignUp(school))).not.toBeNull();
  });
});
