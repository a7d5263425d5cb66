import type { Page, Request } from "@playwright/test";
import { DEMO, expect, signIn, signUpNewStudent, test } from "./fixtures";

type TCaptured = { url: string; headers: Record<string, string>; body: Buffer };

/** Records the next server action request the page sends, so it can be replayed from another session. */
function captureNextAction(page: Page): Promise<TCaptured> {
  return new Promise((resolve) => {
    const onRequest = (request: Request) => {
      const headers = request.headers();
      if (request.method() !== "POST" || !headers["next-action"]) return;
      page.off("request", onRequest);
      resolve({ url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) });
    };
    page.on("request", onRequest);
  });
}

/** Sends a captured action again with this page's cookies; returns the response text ("" if the server hung up). */
async function replay(page: Page, action: TCaptured): Promise<string> {
  const { url, headers, body } = action;
  try {
    const response = await page.request.post(url, {
      headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, origin: new URL(url).origin, accept: "text/x-component" },
      data: body,
      maxRedirects: 0,
    });
    return await response.text();
  } catch (error) {
    // NOTE: a signed-out request is redirected by the proxy before its body is read, and the server may
    // then close the connection: that is a refusal too. The database checks below are what count.
    if (/ECONNRESET|socket hang up/.test(String(error))) return "";
    throw error;
  }
}

test("a student or an instructor replaying an admin's server actions is refused and nothing changes", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  await expect(admin).toHaveURL(/\/admin$/);

  // The war-2020 module is set to the demo class: unpublishing it is refused, naming the class.
  await admin.goto("/admin/content");
  const war = admin.getByRole("group", { name: /^Module 1:/ });
  await war.getByRole("button", { name: "Unpublish" }).click();
  await expect(war.getByText(/is assigned to \d+ class(es)?: .*“Demo: History 10B” \(Autumn 2026\).*ask their teachers to remove the assignment first/)).toBeVisible();
  await expect(war.getByText("Published", { exact: true })).toBeVisible();

  // The admin unpublishes the statement-2020 module, which no class is set (captured), then publishes it again.
  const statement = admin.getByRole("group", { name: /^Module 2:/ });
  const unpublish = captureNextAction(admin);
  await statement.getByRole("button", { name: "Unpublish" }).click();
  const unpublishRequest = await unpublish;
  await statement.getByRole("button", { name: "Publish" }).click();
  await expect(statement.getByRole("button", { name: "Unpublish" })).toBeVisible();

  // The admin saves an edited quiz (captured): version 2. Replays must not make version 3.
  await admin.goto("/admin/content/activities/war-2020-quiz");
  const yaml = admin.getByLabel("Activity (YAML)");
  await yaml.fill((await yaml.inputValue()).replace(/^title: .*$/m, 'title: "Quiz: Kuzio\'s first-anniversary piece (revised)"'));
  const save = captureNextAction(admin);
  await admin.getByRole("button", { name: "Save as a new version" }).click();
  const saveRequest = await save;
  await expect(admin.getByText(/Saved as version 2\./)).toBeVisible();

  const student = await (await browser.newContext()).newPage();
  await signUpNewStudent(student);
  const instructor = await (await browser.newContext()).newPage();
  await signIn(instructor, DEMO.instructor);
  await expect(instructor).toHaveURL(/\/teach$/);

  for (const outsider of [student, instructor]) {
    for (const request of [unpublishRequest, saveRequest]) {
      const text = await replay(outsider, request);
      expect(text, "the replay must not report success").not.toMatch(/Saved as version|Unpublished: only admins/);
    }
  }

  // Nothing changed: the module is still published for learners, and the quiz is still at version 2.
  await student.goto("/learn/statement-2020");
  await expect(student.getByRole("heading", { level: 1 })).toHaveText(/9 November 2020 statement/);
  await admin.goto("/admin/content/activities/war-2020-quiz");
  await expect(admin.getByText(/^Version 2 · in/)).toBeVisible();
  await expect(admin.getByRole("listitem").filter({ hasText: /^Version 3/ })).toHaveCount(0);

  // Signed out entirely, the replay is refused too.
  const anonymous = await (await browser.newContext()).newPage();
  expect(await replay(anonymous, unpublishRequest)).not.toMatch(/Unpublished: only admins/);
  await student.goto("/learn/statement-2020");
  await expect(student.getByRole("heading", { level: 1 })).toHaveText(/9 November 2020 statement/);
});

test("an admin demoted to student loses the admin pages and actions on the next request", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const { email } = await signUpNewStudent(page, "Ada Acting-Admin");
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  await expect(admin).toHaveURL(/\/admin$/);
  const setRole = async (role: string) => {
    await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    const row = admin.getByRole("row", { name: new RegExp(email) });
    await row.getByLabel("Role of Ada Acting-Admin").selectOption(role);
    const saved = admin.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
    await row.getByRole("button", { name: "Save role for Ada Acting-Admin" }).click();
    await saved;
    // The select shows the chosen value at once; only a fresh page proves the role was saved.
    await admin.reload();
    await expect(admin.getByRole("row", { name: new RegExp(email) }).getByLabel("Role of Ada Acting-Admin")).toHaveValue(role);
  };

  await setRole("ADMIN");
  // A role change ends the old session; as an admin now, Ada signs in again and can reach the content pages.
  await signIn(page, email, "a-long-password-1");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/content");
  await expect(page.getByRole("heading", { name: "Course content" })).toBeVisible();
  // Module 0 (reading-sources): no class is set it or its activities, so it may be unpublished.
  const unpublish = captureNextAction(page);
  await page.getByRole("group", { name: /^Module 0:/ }).getByRole("button", { name: "Unpublish" }).click();
  const captured = await unpublish;
  await page.getByRole("group", { name: /^Module 0:/ }).getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("group", { name: /^Module 0:/ }).getByRole("button", { name: "Unpublish" })).toBeVisible();

  await setRole("STUDENT");
  // Her very next request: the admin area sends her to sign in, and her old session cannot act.
  expect(await replay(page, captured)).not.toMatch(/Unpublished: only admins/);
  await page.goto("/admin/content");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, "a-long-password-1");
  await expect(page).toHaveURL(/\/learn$/);
  const forbidden = await page.goto("/admin/content");
  expect(forbidden?.status()).toBe(403);
  expect(await replay(page, captured)).not.toMatch(/Unpublished: only admins/);
  await page.goto("/learn/reading-sources");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Reading a contested conflict/);
});
