import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { handleApi, LEARNER_ROLES } from "@/lib/api-route";
import { verifyRequestSession } from "@/lib/auth/verify-request";
import { setUserDisabled, setUserRole } from "@/lib/users/mutations";
import { createUser, db } from "./helpers";

const COOKIE = "authjs.session-token";

async function requestAs(userId: string | null, init: { token?: string; origin?: string; contentType?: string; body?: string } = {}) {
  const headers = new Headers({ host: "crosscheck.test", "content-type": init.contentType ?? "application/json" });
  if (init.origin) headers.set("origin", init.origin);
  let token = init.token;
  if (userId && !token) {
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId } });
    token = await encode({ token: { sub: userId, uid: userId, sv: sessionVersion }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  }
  if (token) headers.set("cookie", `${COOKIE}=${token}`);
  return new NextRequest("http://crosscheck.test/api/attempts/x/answers", { method: "PUT", headers, body: init.body ?? "{}" });
}

describe("the session check used by the proxy and the JSON routes", () => {
  it("accepts a current session and refuses it once signed out elsewhere, demoted or disabled", async () => {
    const admin = await createUser("ADMIN");
    const user = await createUser("INSTRUCTOR");
    const request = await requestAs(user.id);
    expect((await verifyRequestSession(request, ["INSTRUCTOR"]))?.id).toBe(user.id);
    expect(await verifyRequestSession(request, ["ADMIN"])).toBeNull();

    await setUserRole(admin, { userId: user.id, role: "STUDENT" });
    expect(await verifyRequestSession(request, LEARNER_ROLES)).toBeNull();
    const fresh = await requestAs(user.id);
    expect((await verifyRequestSession(fresh, LEARNER_ROLES))?.role).toBe("STUDENT");

    await setUserDisabled(admin, { userId: user.id, disabled: true });
    expect(await verifyRequestSession(fresh, LEARNER_ROLES)).toBeNull();
  });

  it("refuses a missing, forged or oversized token", async () => {
    expect(await verifyRequestSession(await requestAs(null), LEARNER_ROLES)).toBeNull();
    expect(await verifyRequestSession(await requestAs(null, { token: "not-a-token" }), LEARNER_ROLES)).toBeNull();
    const forged = await encode({ token: { uid: "x", sv: 0 }, secret: "another-secret-that-is-long-enough-to-use", salt: COOKIE });
    expect(await verifyRequestSession(await requestAs(null, { token: forged }), LEARNER_ROLES)).toBeNull();
    expect(await verifyRequestSession(await requestAs(null, { token: "x".repeat(5000) }), LEARNER_ROLES)).toBeNull();
  });
});

describe("the JSON route guard", () => {
  const echo = async () => "ok";

  it("answers 401 without a session, and runs the handler with one", async () => {
    expect((await handleApi(await requestAs(null), LEARNER_ROLES, 1024, echo)).status).toBe(401);
    const user = await createUser();
    const response = await handleApi(await requestAs(user.id), LEARNER_ROLES, 1024, echo);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, data: "ok" });
  });

  it("refuses cross-site requests, non-JSON bodies and oversized bodies before doing anything", async () => {
    const user = await createUser();
    expect((await handleApi(await requestAs(user.id, { origin: "https://evil.example" }), LEARNER_ROLES, 1024, echo)).status).toBe(403);
    expect((await handleApi(await requestAs(user.id, { origin: "http://crosscheck.test" }), LEARNER_ROLES, 1024, echo)).status).toBe(200);
    expect((await handleApi(await requestAs(user.id, { contentType: "text/plain" }), LEARNER_ROLES, 1024, echo)).status).toBe(415);
    expect((await handleApi(await requestAs(user.id, { body: JSON.stringify({ text: "x".repeat(2000) }) }), LEARNER_ROLES, 1024, echo)).status).toBe(413);
    expect((await handleApi(await requestAs(user.id, { body: "{not json" }), LEARNER_ROLES, 1024, echo)).status).toBe(400);
  });
});
