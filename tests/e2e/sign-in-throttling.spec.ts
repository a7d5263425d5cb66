import { expect, signUpNewStudent, test } from "./fixtures";

test("wrong passwords for one account are refused after five, and a forged X-Forwarded-For does not reset the count", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  const { email, password } = await signUpNewStudent(owner, "Tamar Throttled");

  const attacker = await (await browser.newContext()).newPage();
  const alert = attacker.getByRole("main").getByRole("alert");
  for (let i = 1; i <= 5; i++) {
    // Each guess claims to come from a different address: with no trusted proxy the header is ignored.
    await attacker.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${i}` });
    await attacker.goto("/login");
    await attacker.getByLabel("Email or username").fill(email);
    await attacker.getByLabel("Password").fill(`wrong-password-${i}`);
    await attacker.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("Wrong email, username or password.");
  }
  // The sixth try is refused before the password is even checked, right or wrong.
  await attacker.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.99" });
  await attacker.goto("/login");
  await attacker.getByLabel("Email or username").fill(email);
  await attacker.getByLabel("Password").fill(password);
  await attacker.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText(/Too many attempts\. Please wait \d+ minutes? and try again\./);
  await expect(attacker).toHaveURL(/\/login/);
});
