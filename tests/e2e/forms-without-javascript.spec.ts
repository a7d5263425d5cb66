import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

/*
 * A form posted with JavaScript off reaches its server action as a multipart POST without the
 * `next-action` header, whose body scripts/serve.ts reads and checks before Next does: signing up and
 * signing in still work, and a refusal still shows the form's message. Forms built on ActionForm (and the
 * pupils' accounts form) wrap their action in a client function for the offline case, and still post to
 * the server action itself: the page comes back with the errors and what was typed, a status message, or
 * the redirect the action chose.
 */

test.use({ javaScriptEnabled: false });

test("without JavaScript, a visitor signs up and lands on their learning page", async ({ page }) => {
  const email = `nojs-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Noa Script-Free");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("a-long-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("banner").getByText("Noa Script-Free")).toBeVisible();
});

test("without JavaScript, a wrong password shows the form's message", async ({ page }) => {
  await signIn(page, DEMO.student, "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email, username or password.");
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.student);
});

const sections = (page: Page) => page.getByRole("navigation", { name: "Class sections" });

test("without JavaScript, an instructor creates a class: a missing name is marked and the term kept, then the class page opens", async ({ page }) => {
  const name = `No-script 8A ${Date.now().toString(36)}`;
  await signIn(page, DEMO.instructor);
  await expect(page).toHaveURL(/\/teach$/);
  await page.goto("/teach/classes/new");

  await page.getByLabel("Term").fill("Spring 2027");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/new$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Please correct the fields marked below.");
  await expect(page.getByLabel("Class name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Give the class a name.")).toBeVisible();
  await expect(page.getByLabel("Term")).toHaveValue("Spring 2027");

  await page.getByLabel("Class name").fill(name);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/(?!new$)\w+$/);
  await expect(page.getByText(name)).toBeVisible();
  await page.goto("/teach");
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("without JavaScript, an instructor saves a class's details and makes pupils' accounts", async ({ page }) => {
  const name = `No-script 8B ${Date.now().toString(36)}`;
  await signIn(page, DEMO.instructor);
  await expect(page).toHaveURL(/\/teach$/);
  await page.goto("/teach/classes/new");
  await page.getByLabel("Class name").fill(name);
  await page.getByLabel("Term").fill("Spring 2027");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/(?!new$)\w+$/);

  // A success message from the action, and the saved term when the page is opened again.
  await sections(page).getByRole("link", { name: "Students and join code" }).click();
  const details = page.getByRole("region", { name: "Class details" });
  await details.getByLabel("Term").fill("Summer 2027");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText("Class details saved.");
  await page.goto(page.url()); // a GET: reloading would post the form again
  await expect(page.getByRole("region", { name: "Class details" }).getByLabel("Term")).toHaveValue("Summer 2027");

  // The accounts form (useFormAction without ActionForm): an error keeps the list, then the slips appear.
  await sections(page).getByRole("link", { name: "Accounts without email" }).click();
  const names = `Lilit Hakobyan\n${"x".repeat(120)}`;
  await page.getByLabel("Pupils' names, one per line").fill(names);
  await page.getByRole("button", { name: "Create accounts" }).click();
  await expect(page.getByText(`Keep each name under 100 characters: “${"x".repeat(40)}…” has 120.`)).toBeVisible();
  await expect(page.getByLabel("Pupils' names, one per line")).toHaveValue(names);

  await page.getByLabel("Pupils' names, one per line").fill("Lilit Hakobyan");
  await page.getByRole("button", { name: "Create accounts" }).click();
  const slips = page.getByRole("region", { name: /New sign-in details: shown only once/ });
  await expect(slips.getByRole("row", { name: /Lilit Hakobyan/ }).getByRole("cell").nth(1)).toHaveText(/^lilith\d+$/);
  await expect(page.getByRole("row", { name: /Lilit Hakobyan/ }).filter({ hasText: "Not signed in yet" })).toBeVisible();
});

test("without JavaScript, a refused assignment keeps every choice, and the corrected one is assigned as chosen", async ({ page }) => {
  await signIn(page, DEMO.instructor);
  await expect(page).toHaveURL(/\/teach$/);
  await page.goto("/teach/classes/new");
  await page.getByLabel("Class name").fill(`No-script selects ${Date.now().toString(36)}`);
  await page.getByLabel("Term").fill("Autumn 2026");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/(?!new$)\w+$/);
  await sections(page).getByRole("link", { name: "Assignments" }).click();

  const form = page.getByRole("region", { name: "Assign work" });
  await form.getByLabel("What to assign").selectOption({ label: "Quiz: three perspectives on September 2023" });
  const quizValue = await form.getByLabel("What to assign").inputValue();
  await form.getByLabel("Time zone of these dates").selectOption("Europe/Berlin");
  await form.getByLabel("Show feedback with the answer key").selectOption("NEVER");
  await form.getByLabel("Opens").fill("2026-12-10T09:00");
  await form.getByLabel("Due").fill("2026-12-01T09:00");
  await form.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(form.getByRole("alert")).toHaveText("The due date must come after the opening date.");
  await expect(form.getByLabel("What to assign")).toHaveValue(quizValue);
  await expect(form.getByLabel("Time zone of these dates")).toHaveValue("Europe/Berlin");
  await expect(form.getByLabel("Show feedback with the answer key")).toHaveValue("NEVER");

  await form.getByLabel("Due").fill("2026-12-17T09:00");
  await form.getByRole("button", { name: "Assign", exact: true }).click();
  const quiz = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Quiz: three perspectives on September 2023" }) });
  await expect(quiz).toContainText("Opens Thu, 10 Dec 2026, 09:00 CET · due Thu, 17 Dec 2026, 09:00 CET · feedback never");
});
