import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { DEMO, expect, signIn, signUpNewStudent, test } from "./fixtures";

/**
 * Lesson pages are answered from the server's memory once rendered (docs/decisions/012). What a reader
 * would notice if that went wrong: a page that does not work (scripts refused), someone else's page, a
 * page after signing out, a draft shown to learners, or an admin's edit that does not show.
 */
const LESSON = "/learn/september-2023/from-blockade-to-exodus";
const CACHE = "x-crosscheck-cache";

const nonceOf = (response: APIResponse) => /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1] ?? "";
const withoutNonce = (html: string, nonce: string) => html.split(nonce).join("{nonce}");

/** Reads `path` until the server answers it from memory (the first reads render it for the store). */
async function readFromMemory(request: APIRequestContext, path: string): Promise<APIResponse> {
  let response: APIResponse | undefined;
  await expect
    .poll(async () => (response = await request.get(path, { maxRedirects: 0 })).headers()[CACHE], { message: `${path} served from memory`, timeout: 15_000 })
    .toBe("hit");
  return response!;
}

async function signedIn(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  return page.request;
}

test("a lesson from memory has a new nonce on every response, is the same page for every reader, and works", async ({ browser }) => {
  const student = await (await browser.newContext()).newPage();
  const instructor = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  const responses = [
    await readFromMemory(await signedIn(student, DEMO.student), LESSON),
    await readFromMemory(student.request, LESSON),
    await readFromMemory(await signedIn(instructor, DEMO.instructor), LESSON),
    await readFromMemory(await signedIn(admin, DEMO.admin), LESSON),
  ];

  const nonces = responses.map(nonceOf);
  expect(new Set(nonces).size, "no nonce is used twice").toBe(4);
  const pages = await Promise.all(responses.map((r) => r.text()));
  pages.forEach((html, i) => {
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonces[i]}"`);
  });
  // A page from memory carries the same security headers as any page, and no shared cache may keep it.
  for (const r of responses) {
    expect(r.headers()).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "cache-control": "private, no-store", "cross-origin-opener-policy": "same-origin" });
    expect(r.headers()["permissions-policy"]).toContain("camera=()");
    expect(r.headers()["referrer-policy"]).toBeTruthy();
    expect(r.headers()["set-cookie"]).toBeUndefined();
  }
  // Nothing personal is kept: the student's two pages, the instructor's and the admin's differ only by their nonces.
  for (const i of [1, 2, 3]) expect(withoutNonce(pages[i]!, nonces[i]!)).toBe(withoutNonce(pages[0]!, nonces[0]!));

  // In the browser (compressed, as browsers ask for it), the page's own scripts run under its policy.
  const problems: string[] = [];
  student.on("console", (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && problems.push(m.text()));
  student.on("pageerror", (e) => problems.push(e.message));
  const response = await student.goto(LESSON);
  expect(response?.headers()[CACHE]).toBe("hit");
  expect(response?.headers()["content-encoding"]).toBe("gzip");
  await expect(student.getByRole("heading", { level: 1 })).toBeVisible();
  const lens = student.getByRole("button", { name: "Contested-terms lens" });
  await expect(lens).toHaveAttribute("aria-pressed", "true");
  await lens.click();
  await expect(lens).toHaveAttribute("aria-pressed", "false");
  expect(problems).toEqual([]);
  for (const p of [student, instructor, admin]) await p.context().close();
});

test("a lesson in memory still sends the signed-out and the signed-out-elsewhere to sign in", async ({ page, playwright }) => {
  await signUpNewStudent(page);
  const response = await readFromMemory(page.request, LESSON);
  expect(response.status()).toBe(200);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

  const stranger = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const anonymous = await stranger.get(LESSON, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain("/login");

  // The same cookie, replayed after its owner signed out in the browser: the session is over.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login|\/$/);
  const replayed = await stranger.get(LESSON, { maxRedirects: 0, headers: { cookie } });
  expect(replayed.status()).toBe(307);
  expect(replayed.headers().location).toContain("/login");
  await stranger.dispose();
});

test("an admin's edit of a lesson reaches learners at once, and a lesson taken back is gone", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await (await browser.newContext()).newPage();
  const student = await (await browser.newContext()).newPage();
  await signedIn(admin, DEMO.admin);
  await signedIn(student, DEMO.student);
  const slug = `from-memory-${Date.now()}`;
  const path = `/learn/reading-sources/${slug}`;

  await admin.goto("/admin/content/modules/reading-sources");
  await admin.getByLabel("Slug (lower-case words joined by hyphens)").fill(slug);
  await admin.getByLabel("Title", { exact: true }).last().fill("Reading from memory");
  await admin.getByLabel("Summary (one sentence)").last().fill("A lesson the tests add and take back.");
  await admin.getByLabel("Reading time in minutes").last().fill("2");
  await admin.getByLabel("Lesson text (Markdown)").last().fill("The first version of this lesson.");
  await admin.getByRole("button", { name: "Add the lesson as a draft" }).click();
  await expect(admin).toHaveURL(/\/admin\/content\/lessons\//);
  const editor = admin.url();

  // A draft is not there for learners (admins preview it in the editor).
  expect((await student.request.get(path)).status()).toBe(404);

  await admin.getByRole("button", { name: "Publish" }).click();
  await expect(admin.getByText("Published.")).toBeVisible();
  expect(await (await readFromMemory(student.request, path)).text()).toContain("The first version of this lesson.");

  await admin.goto(editor);
  await admin.getByLabel("Lesson text (Markdown)").fill("The second version of this lesson.");
  await admin.getByRole("button", { name: "Save the lesson" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await student.goto(path);
  await expect(student.getByText("The second version of this lesson.")).toBeVisible();

  await admin.getByRole("button", { name: "Unpublish" }).click();
  await expect(admin.getByText(/Unpublished/)).toBeVisible();
  expect((await student.request.get(path)).status()).toBe(404);
  await admin.context().close();
  await student.context().close();
});
