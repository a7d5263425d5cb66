import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect, signUpNewStudent, test } from "./fixtures";

/**
 * Every browser here reaches the server from 127.0.0.1: one address, like a school behind one router.
 */
async function signInPage(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  const alert = page.getByRole("main").getByRole("alert");
  const attempt = async (login: string, password: string) => {
    await page.goto("/login");
    await page.getByLabel("Email or username").fill(login);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  return { page, alert, attempt };
}

test("wrong passwords for one account are refused after five with the wait named, and a forged address does not reset the count", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  const { email, password } = await signUpNewStudent(owner, "Tamar Throttled");

  const { page: attacker, alert, attempt } = await signInPage(browser);
  for (let i = 1; i <= 5; i++) {
    // Each guess claims to come from a different address: with no trusted proxy X-Forwarded-For is
    // ignored, and our own client-address header counts only with the server's per-process proof.
    await attacker.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${i}`, "x-crosscheck-client": `198.51.100.${i}`, "x-crosscheck-client-proof": "guessed" });
    await attempt(email, `wrong-password-${i}`);
    await expect(alert).toHaveText("Wrong email, username or password.");
  }
  // The sixth try is refused before the password is even checked, right or wrong, and says how long to wait.
  await attacker.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.99", "x-crosscheck-client": "198.51.100.99" });
  await attempt(email, password);
  await expect(alert).toHaveText("Too many attempts. Try again in 15 minutes.");
  await expect(attacker).toHaveURL(/\/login/);
});

test("a class behind one school address all sign in at once, after typing their passwords wrong three times each", async ({ browser }) => {
  test.setTimeout(120_000);
  // 12 pupils × 3 typos = 36 failures from one address: more than the 30 that used to shut the whole address out.
  const pupils = Array.from({ length: 12 }, (_, i) => `demo-pupil-${String(i + 1).padStart(2, "0")}`);
  const landed = await Promise.all(
    pupils.map(async (login) => {
      const { page, alert, attempt } = await signInPage(browser);
      for (let typo = 1; typo <= 3; typo++) {
        await attempt(login, `${DEMO_PASSWORD}${typo}`);
        await expect(alert).toHaveText("Wrong email, username or password.");
      }
      await attempt(login, DEMO_PASSWORD);
      await expect(page).not.toHaveURL(/\/login/);
      return login;
    }),
  );
  expect(landed).toEqual(pupils);
});

test("a student guessing join codes is refused after ten wrong ones, and told how long to wait", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signUpNewStudent(page, "Gus Guesser");
  const alert = page.getByRole("main").getByRole("alert");
  for (let i = 0; i < 11; i++) {
    await page.goto("/learn");
    await page.getByLabel("Class code from your teacher").fill(`ZZZ-ZZ${"ABCDEFGHJKM"[i]}`);
    await page.getByRole("button", { name: "Join class" }).click();
    await expect(alert).toHaveText(i < 10 ? /No class has that code/ : "Too many attempts. Try again in 15 minutes.");
  }
});
