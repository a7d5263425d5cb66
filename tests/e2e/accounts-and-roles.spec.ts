import { DEMO, expect, expectNoAxeViolations, signIn, signUpNewStudent, test } from "./fixtures";

test("a new visitor signs up as a student, signs out, and signs back in", async ({ page }) => {
  const { email, password } = await signUpNewStudent(page, "Nora New");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Nora New")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("status")).toHaveText("You have signed out.");

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/learn$/);
});

for (const [role, home] of [["student", "/learn"], ["instructor", "/teach"], ["admin", "/admin"]] as const) {
  test(`the demo ${role} lands on ${home}`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  });
}

test("a wrong password says so without telling whether the email exists", async ({ page }) => {
  await signIn(page, DEMO.student, "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email, username or password.");
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.student);
  await signIn(page, "nobody-here@example.test", "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email, username or password.");
});

test("sign-up keeps what was typed and explains a bad field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("Email").fill("short@example.test");
  await page.getByLabel(/^Password/).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Short Password");
  await expect(page.getByLabel("Email")).toHaveValue("short@example.test");
});

test("a student is refused the admin and teaching areas", async ({ page }) => {
  await signIn(page, DEMO.student);
  await expect(page).toHaveURL(/\/learn$/);
  for (const path of ["/admin", "/admin/users", "/teach"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test("signed out, a role area sends you to sign in and back", async ({ page }) => {
  await page.goto("/teach");
  await expect(page).toHaveURL(/\/login\?next=%2Fteach/);
  await page.getByLabel("Email").fill(DEMO.instructor);
  await page.getByLabel("Password").fill("crosscheck-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teach$/);
});

test("a session cookie replayed after sign-out is refused", async ({ page, browser }) => {
  await signUpNewStudent(page);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const other = await replay.newPage();
  await other.goto("/learn");
  await expect(other).toHaveURL(/\/login/);
  await replay.close();
});

test("an admin disabling a student ends that student's session", async ({ page, browser }) => {
  const { email } = await signUpNewStudent(page, "Dana Disabled");
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.getByRole("row", { name: new RegExp(email) });
  await row.getByText("Disable…").click(); // asked twice: it signs the user out everywhere
  await row.getByRole("button", { name: "Disable Dana Disabled" }).click();
  await expect(row.getByRole("button", { name: "Enable Dana Disabled" })).toBeVisible();
  await adminContext.close();

  await page.goto("/learn");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, "a-long-password-1");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email, username or password.");
});

test("public and role pages have no axe violations", async ({ page }) => {
  test.setTimeout(120_000); // ten pages, each scanned by axe
  for (const path of ["/", "/login", "/signup"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  for (const path of ["/admin", "/admin/users", "/teach", "/learn", "/learn/sources", "/learn/war-2020", "/learn/no-such-module"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});

test("the admin's content pages have no axe violations", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  for (const path of [
    "/admin/content",
    "/admin/content/coverage",
    "/admin/content/transfer",
    "/admin/content/sources/new",
    "/admin/content/sources/nee-2023-final-battle",
    "/admin/content/modules/war-2020",
    "/admin/content/activities/statement-2020-quiz",
    "/admin/audit",
  ]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});
