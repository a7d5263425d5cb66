import { DEMO, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

test("an instructor makes accounts for pupils without email; a pupil signs in with the slip and chooses a password", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const tag = Date.now().toString(36);
  await signIn(page, DEMO.instructor);
  await page.getByRole("link", { name: "New class" }).click();
  await page.getByLabel("Class name").fill(`Year 7 ${tag}`);
  await page.getByLabel("Term").fill("Spring 2027");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/(?!new$)\w+$/);
  await page.getByRole("navigation", { name: "Class sections" }).getByRole("link", { name: "Accounts without email" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accounts without email");

  // A name too long for the form: an error at the field, and the list typed so far is still there.
  const names = `Sona Grigoryan\nMəmmədova, Aysel\n${"x".repeat(120)}`;
  await page.getByLabel("Pupils' names, one per line").fill(names);
  await page.getByRole("button", { name: "Create accounts" }).click();
  await expect(page.getByText(`Keep each name under 100 characters: “${"x".repeat(40)}…” has 120.`)).toBeVisible();
  await expect(page.getByLabel("Pupils' names, one per line")).toHaveValue(names);

  await page.getByLabel("Pupils' names, one per line").fill("Sona Grigoryan\nMəmmədova, Aysel");
  await page.getByRole("button", { name: "Create accounts" }).click();
  const slips = page.getByRole("region", { name: /2 new accounts: shown only once/ });
  await expect(slips.getByRole("heading")).toBeFocused();
  await expect(slips.getByRole("button", { name: "Print sign-in slips" })).toBeVisible();
  const sona = slips.getByRole("row", { name: /Sona Grigoryan/ });
  const username = (await sona.getByRole("cell").nth(1).textContent())!;
  const password = (await sona.getByRole("cell").nth(2).textContent())!;
  expect(username).toMatch(/^sonag\d+$/);
  await expect(slips.getByRole("row", { name: /Məmmədova, Aysel/ }).getByRole("cell").nth(1)).toHaveText(/^ayselm\d+$/);
  await expect(page.getByLabel("Pupils' names, one per line")).toHaveValue("");
  await expectNoAxeViolations(page);

  // A second batch: the list clears again, and its slips replace the first ones on screen.
  await page.getByLabel("Pupils' names, one per line").fill("Armen Sahakyan\nNigar Aliyeva");
  await page.getByRole("button", { name: "Create accounts" }).click();
  await expect(slips.getByRole("row", { name: /Armen Sahakyan/ })).toBeVisible();
  await expect(slips.getByRole("row", { name: /Sona Grigoryan/ })).toHaveCount(0);
  await expect(page.getByLabel("Pupils' names, one per line")).toHaveValue("");

  // The pupil signs in with the username and must choose a password before anything else.
  const pupil = await (await browser.newContext()).newPage();
  await signIn(pupil, username.toUpperCase(), password);
  await expect(pupil).toHaveURL(/\/account\/password/);
  await expect(pupil.getByRole("heading", { level: 1 })).toHaveText("Choose your own password");
  await pupil.goto("/learn");
  await expect(pupil).toHaveURL(/\/account\/password/);
  await pupil.getByLabel("The one-time password you were given").fill(password);
  await pupil.getByLabel(/^New password \(at least/).fill("my-own-secret-77");
  await pupil.getByLabel("New password again").fill("my-own-secret-77");
  await pupil.getByRole("button", { name: /password/i }).click();
  await expect(pupil).toHaveURL(/\/learn$/);
  await expect(pupil.getByRole("banner").getByText("Sona Grigoryan")).toBeVisible();

  // The teacher's list says she has chosen her password; the one-time password no longer works.
  await page.reload();
  await expect(page.getByRole("row", { name: /Sona Grigoryan/ })).toContainText("Chosen by the pupil");
  await expect(page.getByRole("row", { name: /Aysel/ })).toContainText("Not signed in yet");
  const again = await (await browser.newContext()).newPage();
  await signIn(again, username, password);
  await expect(again.getByRole("main").getByRole("alert")).toHaveText("Wrong email, username or password.");

  // She forgets it: the teacher gives her a new one-time password, which signs her out.
  await page.getByRole("button", { name: "New one-time password for Sona Grigoryan" }).click();
  const fresh = page.getByRole("region", { name: "New sign-in details: shown only once" });
  const newPassword = (await fresh.getByRole("row", { name: /Sona Grigoryan/ }).getByRole("cell").nth(2).textContent())!;
  expect(newPassword).not.toBe(password);
  await pupil.goto("/learn");
  await expect(pupil).toHaveURL(/\/login/);
  await signIn(pupil, username, newPassword);
  await expect(pupil).toHaveURL(/\/account\/password/);
});
