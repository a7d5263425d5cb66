import { describe, expect, it } from "vitest";
import { landingPath } from "@/lib/auth/roles";
import { ZSignUpInput } from "@/lib/auth/schemas";
import { parseEnv } from "@/lib/env-schema";

describe("where a user lands after signing in", () => {
  it("sends each role home", () => {
    expect(landingPath("STUDENT", null)).toBe("/learn");
    expect(landingPath("INSTRUCTOR", undefined)).toBe("/teach");
    expect(landingPath("ADMIN", "")).toBe("/admin");
  });
  it("honours a local `next` only inside an area the role may open", () => {
    expect(landingPath("STUDENT", "/learn/war-2020")).toBe("/learn/war-2020");
    expect(landingPath("STUDENT", "/admin/users")).toBe("/learn");
    expect(landingPath("ADMIN", "/teach")).toBe("/teach");
    expect(landingPath("STUDENT", "https://evil.example/learn")).toBe("/learn");
    expect(landingPath("STUDENT", "//evil.example")).toBe("/learn");
  });
});

describe("configuration", () => {
  const ok = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32) };
  it("accepts a valid environment and defaults PORT to 3000", () => {
    expect(parseEnv(ok)).toEqual({ env: { ...ok, PORT: 3000, DATABASE_REPLICA_URLS: [] } });
  });
  it("reads optional replica URLs as a comma-separated list", () => {
    const two = "postgresql://r:p@replica-1:5432/db, postgres://r:p@replica-2:5432/db";
    expect(parseEnv({ ...ok, DATABASE_REPLICA_URLS: two })).toMatchObject({
      env: { DATABASE_REPLICA_URLS: ["postgresql://r:p@replica-1:5432/db", "postgres://r:p@replica-2:5432/db"] },
    });
    expect(parseEnv({ ...ok, DATABASE_REPLICA_URLS: "" })).toMatchObject({ env: { DATABASE_REPLICA_URLS: [] } });
  });
  it("names the variable in one readable line when it is missing or malformed", () => {
    expect(parseEnv({ ...ok, DATABASE_URL: undefined })).toEqual({ error: "Configuration error: DATABASE_URL is not set." });
    expect(parseEnv({ ...ok, DATABASE_URL: "mysql://x" })).toEqual({ error: "Configuration error: DATABASE_URL must be a postgresql:// connection URL." });
    expect(parseEnv({ ...ok, AUTH_SECRET: "short" })).toEqual({ error: "Configuration error: AUTH_SECRET must be at least 32 characters long." });
    expect(parseEnv({ ...ok, PORT: "eighty" })).toMatchObject({ error: expect.stringContaining("PORT") });
    expect(parseEnv({ ...ok, DATABASE_REPLICA_URLS: "postgresql://r@replica-1/db,replica-2:5432" })).toEqual({
      error: "Configuration error: DATABASE_REPLICA_URLS must be a comma-separated list of postgresql:// connection URLs.",
    });
  });
});

describe("sign-up input", () => {
  it("normalises the email and explains a short password", () => {
    expect(ZSignUpInput.parse({ name: " Ana ", email: " Ana@Example.TEST ", password: "long-enough-1" })).toMatchObject({ name: "Ana", email: "ana@example.test" });
    const r = ZSignUpInput.safeParse({ name: "Ana", email: "ana@example.test", password: "short" });
    expect(r.success ? null : r.error.issues[0]!.message).toBe("Use at least 8 characters for your password.");
  });
});

describe("demo accounts", () => {
  it("are seeded for development and for our embedded database, not in production on a real server unless asked", async () => {
    const { demoAccountsWanted } = await import("@/lib/auth/demo-accounts");
    expect(demoAccountsWanted({})).toBe(true);
    expect(demoAccountsWanted({ NODE_ENV: "production", CROSSCHECK_EMBEDDED_DB: "1" })).toBe(true);
    expect(demoAccountsWanted({ NODE_ENV: "production" })).toBe(false);
    expect(demoAccountsWanted({ NODE_ENV: "production", SEED_DEMO: "1" })).toBe(true);
    expect(demoAccountsWanted({ SEED_DEMO: "0" })).toBe(false);
  });
});
