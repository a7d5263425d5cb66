import type { ChildProcess } from "node:child_process";
import type { APIResponse } from "@playwright/test";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { freePort } from "../../scripts/embedded-postgres";
import { startAppProcess, waitForHealthy } from "../support/app-process";
import { DEMO, expect, signIn, signUpNewStudent, test } from "./fixtures";

const LESSON = "/learn/war-2020/background-and-44-days";

test("every page carries the security headers", async ({ request }) => {
  for (const path of ["/", "/login"]) {
    const response = await request.get(path);
    const h = response.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("object-src 'none'");
    expect(h["x-powered-by"]).toBeUndefined();
  }
});

/** Permissions-Policy and Cross-Origin-Opener-Policy on a response; HSTS as `hsts` says. */
function expectBrowserPolicies(response: APIResponse, label: string, hsts: boolean) {
  const h = response.headers();
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(h["permissions-policy"], `${label}: ${feature}`).toContain(`${feature}=()`);
  expect(h["cross-origin-opener-policy"], label).toBe("same-origin");
  if (hsts) expect(h["strict-transport-security"], label).toMatch(/^max-age=\d{7,}/);
  else expect(h["strict-transport-security"], label).toBeUndefined();
}

test("every response carries Permissions-Policy and Cross-Origin-Opener-Policy; no HSTS over plain HTTP, whatever the client claims", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const script = html.match(/<script src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  const icon = html.match(/<link rel="icon" href="([^"]+)"/)?.[1];
  expect(script && icon, "the home page names a script and an icon").toBeTruthy();
  const responses: [string, APIResponse][] = [];
  for (const path of ["/", "/login", "/api/health", "/unavailable.html", "/no-such-page", script!, icon!, "/learn"]) {
    responses.push([path, await request.get(path, { maxRedirects: 0 })]);
  }
  // A refusal our own server writes (a server action from another site) carries them too.
  responses.push(["a cross-site action", await request.post("/login", { headers: { "next-action": "0".repeat(42), origin: "https://evil.example" }, data: "[]" })]);
  for (const [label, response] of responses) expectBrowserPolicies(response, `${label} (${response.status()})`, false);
  // Without a trusted proxy (TRUSTED_PROXY_HOPS=0), X-Forwarded-Proto is the client's own word.
  expectBrowserPolicies(await request.get("/login", { headers: { "x-forwarded-proto": "https" } }), "/login claiming https", false);
});

/** A session cookie for `email`, as next-auth would set it over HTTPS (`__Secure-` name) or plain HTTP. */
async function sessionCookie(email: string, https: boolean) {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const { rows } = await db.query(`SELECT "id", "sessionVersion" FROM "User" WHERE "email" = $1`, [email]);
  await db.end();
  const name = https ? "__Secure-authjs.session-token" : "authjs.session-token";
  const value = await encode({ token: { uid: rows[0].id, sv: rows[0].sessionVersion }, secret: process.env.AUTH_SECRET!, salt: name });
  return `${name}=${value}`;
}

test("behind a trusted proxy, HSTS is sent exactly when the request came over HTTPS, lesson pages from memory included", async ({ request }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let app: ChildProcess | null = startAppProcess(port, { env: { TRUSTED_PROXY_HOPS: "1" } });
  try {
    await waitForHealthy(base, { seconds: 60, app });
    // What nginx sends on: the scheme the browser used, and the student's session cookie for that scheme.
    const cookies = { https: await sessionCookie(DEMO.student, true), http: await sessionCookie(DEMO.student, false) };
    const via = (proto: "https" | "http") => ({ headers: { "x-forwarded-proto": proto, "x-forwarded-for": "203.0.113.9", cookie: cookies[proto] }, maxRedirects: 0 });
    expectBrowserPolicies(await request.get(`${base}/login`, via("https")), "/login over https", true);
    expectBrowserPolicies(await request.get(`${base}/api/health`, via("https")), "/api/health over https", true);
    expectBrowserPolicies(await request.get(`${base}/login`, via("http")), "/login over http", false);
    const lesson = `${base}${LESSON}`;
    for (const proto of ["https", "http"] as const) {
      await expect
        .poll(async () => (await request.get(lesson, via(proto))).headers()["x-crosscheck-cache"], { message: `the lesson is served from memory over ${proto}`, timeout: 20_000 })
        .toBe("hit");
      const fromMemory = await request.get(lesson, via(proto));
      expect(fromMemory.status()).toBe(200);
      expect(fromMemory.headers()["x-crosscheck-cache"]).toBe("hit");
      expectBrowserPolicies(fromMemory, `lesson from memory over ${proto}`, proto === "https");
    }
  } finally {
    app?.kill("SIGTERM");
    app = null;
  }
});

test("every page names its icon, and the icon loads (no 404 for the browser's tab icon)", async ({ request }) => {
  for (const path of ["/", "/login"]) {
    const html = await (await request.get(path)).text();
    const href = html.match(/<link rel="icon" href="([^"]+)"/)?.[1];
    expect(href, `${path} names an icon`).toBeTruthy();
    const icon = await request.get(href!);
    expect(icon.status(), href).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/^image\//);
  }
});

test("the session cookie is HttpOnly and SameSite, and each sign-in issues a new session", async ({ page, context }) => {
  const { email, password } = await signUpNewStudent(page);
  const session = async () => (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  const first = await session();
  expect(first?.httpOnly).toBe(true);
  expect(first?.sameSite).toBe("Lax");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/learn$/);
  const second = await session();
  expect(second?.value).toBeTruthy();
  expect(second?.value).not.toBe(first?.value);
});

test("an x-middleware-subrequest header cannot skip the session check", async ({ request }) => {
  for (const value of ["proxy", "middleware", "proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware"]) {
    for (const path of [LESSON, "/admin", "/teach", "/learn"]) {
      const response = await request.get(path, { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
      expect(response.status(), `${path} with ${value}`).toBe(307);
      expect(response.headers().location, `${path} with ${value}`).toMatch(/\/login\?next=/);
    }
  }
});

test("extra fields are ignored: signing up with role=ADMIN makes a student", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Mallory Mass-Assignment");
  const email = `mallory-${Date.now()}@example.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("a-long-password-1");
  await page.locator("form").evaluate((form) => {
    for (const [name, value] of [["role", "ADMIN"], ["isAdmin", "true"]]) {
      const input = document.createElement("input");
      Object.assign(input, { type: "hidden", name, value });
      form.appendChild(input);
    }
  });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  expect((await page.goto("/admin"))?.status()).toBe(403);
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  expect((await db.query(`SELECT "role" FROM "User" WHERE "email" = $1`, [email])).rows[0].role).toBe("STUDENT");
  await db.end();
});

test("bad bodies get a clear 4xx, never a 500 or a stack trace", async ({ page, context }) => {
  const { email } = await signUpNewStudent(page);
  await page.goto("/learn/september-2023/activities/september-2023-quiz");
  await expect(page.getByText("All answers saved.")).toBeVisible();
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const attempt = await db.query(
    `SELECT a."id" FROM "Attempt" a JOIN "User" u ON u."id" = a."userId" WHERE u."email" = $1 AND a."status" = 'IN_PROGRESS'`,
    [email],
  );
  await db.end();
  const url = `/api/attempts/${attempt.rows[0].id}/answers`;
  const origin = new URL(page.url()).origin;
  const send = (data: string | Buffer, contentType = "application/json") =>
    context.request.put(url, { headers: { origin, "content-type": contentType }, data });

  const bodies: Array<[string, string | Buffer]> = [
    ["not JSON", "{ this is not json"],
    ["broken UTF-8", Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])],
    ["NUL bytes", JSON.stringify({ questionId: "q7\u0000", value: { selected: ["a\u0000"] }, answeredAt: new Date().toISOString() })],
    ["NaN date", JSON.stringify({ questionId: "q7", value: { selected: ["a"] }, answeredAt: "NaN" })],
    ["huge number", `{"questionId":"q7","value":{"selected":["a"]},"answeredAt":1e400}`],
    ["wrong types", JSON.stringify({ questionId: 7, value: "a", answeredAt: [] })],
    ["unknown question", JSON.stringify({ questionId: "q999", value: { selected: ["a"] }, answeredAt: new Date().toISOString() })],
    ["wrong answer shape", JSON.stringify({ questionId: "q7", value: { selected: "a".repeat(5000) }, answeredAt: new Date().toISOString() })],
    ["an array", "[1,2,3]"],
    ["oversized", JSON.stringify({ questionId: "q7", value: { text: "x".repeat(200_000) }, answeredAt: new Date().toISOString() })],
  ];
  for (const [what, data] of bodies) {
    const response = await send(data);
    const text = await response.text();
    expect(response.status(), `${what}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(response.status(), what).toBeLessThan(500);
    expect(text, what).not.toMatch(/\n\s+at |node_modules|Prisma/);
  }
  // Not JSON at all is refused by its content type.
  expect((await send("questionId=q7", "application/x-www-form-urlencoded")).status()).toBe(415);
  // A mass-assignment attempt on a save changes nothing it should not: the extra fields are dropped.
  const ok = await send(JSON.stringify({ questionId: "q7", value: { selected: ["a"] }, answeredAt: new Date().toISOString(), userId: "someone-else", role: "ADMIN" }));
  expect(ok.status()).toBe(200);
});
