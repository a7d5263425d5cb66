import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/passwords";
import { resetPasswordWithLink } from "@/lib/auth/password-reset";
import { limitSignUp } from "@/lib/auth/rate-limit";
import { guardSignIn } from "@/lib/auth/sign-in-throttle";
import { createPasswordResetLink } from "@/lib/users/mutations";
import { createUser, db } from "./helpers";

/**
 * The throttling a user notices, driven through the same lib call the sign-in form makes, with real
 * accounts and real password checks in Postgres. Each test has its own addresses and accounts.
 */
const PASSWORD = "a-long-password-1";
let passwordHash = "";
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD); // one hash for every account here: argon2 is slow on purpose
});

const tag = () => randomBytes(4).toString("hex");
const net = () => `${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function createAccounts(count: number) {
  const t = tag();
  const logins = Array.from({ length: count }, (_, i) => `pupil-${t}-${i}@example.test`);
  await db.user.createMany({ data: logins.map((email) => ({ email, name: email, passwordHash, role: "STUDENT" as const })) });
  return logins;
}

/** "in", "wrong", or the refusal's message: what the sign-in form would show (lib/auth/sign-in.ts). */
async function signInAt(login: string, password: string, address: string, throttle = guardSignIn): Promise<string> {
  return throttle(login, address, async () => (await verifyCredentials(login, password)) !== null).then(
    (ok) => (ok ? "in" : "wrong"),
    (error: Error) => error.message,
  );
}

afterEach(() => {
  vi.useRealTimers();
});

const WAIT = /^Too many attempts\. Try again in \d+ minutes?\.$/;

describe("sign-in throttling slows attackers without locking real users out", () => {
  it("an attacker spraying one account from ten addresses cannot lock its owner out, and is still slowed", async () => {
    const [victim] = await createAccounts(1);
    const attackers = Array.from({ length: 10 }, (_, i) => `${net()}.${i + 1}`);
    const outcomes = new Map<string, string[]>();
    for (const address of attackers) {
      const here: string[] = [];
      for (let i = 0; i < 5; i++) here.push(await signInAt(victim!, `guess-${i}`, address));
      outcomes.set(address, here);
    }
    // The first two addresses get their five guesses; then the account counts as under attack, and each
    // further address gets one guess and is told to wait a minute: 18 guesses checked instead of 50.
    expect(outcomes.get(attackers[0]!)).toEqual(Array(5).fill("wrong"));
    expect(outcomes.get(attackers[1]!)).toEqual(Array(5).fill("wrong"));
    for (const address of attackers.slice(2)) {
      expect(outcomes.get(address)).toEqual(["wrong", ...Array(4).fill("Too many attempts. Try again in 1 minute.")]);
    }
    // The owner, from home (an address that never failed), signs in at once.
    expect(await signInAt(victim!, PASSWORD, "203.0.113.77")).toBe("in");
    // The attacker is still refused at every address it used, and told how long to wait, right password or not.
    for (const address of attackers) expect(await signInAt(victim!, PASSWORD, address)).toMatch(WAIT);
    // A minute later, an address that had one guess gets a second, and then waits out its 15 minutes.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    expect(await signInAt(victim!, "guess-later", attackers[2]!)).toBe("wrong");
    expect(await signInAt(victim!, "guess-later-2", attackers[2]!)).toMatch(/^Too many attempts\. Try again in 1[45] minutes\.$/);
    // The owner still gets in from a second fresh address, even with a typo first: one minute's wait, then in.
    const phone = "198.51.100.200";
    expect(await signInAt(victim!, "a-long-pasword-1", phone)).toBe("wrong");
    expect(await signInAt(victim!, PASSWORD, phone)).toBe("Too many attempts. Try again in 1 minute.");
    vi.setSystemTime(Date.now() + 61_000);
    expect(await signInAt(victim!, PASSWORD, phone)).toBe("in");
  });

  it("a class of 30 signing in at once from one school address all get in, every one after a typo", async () => {
    const school = `${net()}.1`;
    const pupils = await createAccounts(30);
    const results = await Promise.all(
      pupils.map(async (login) => [await signInAt(login, "a-long-pasword-1", school), await signInAt(login, PASSWORD, school)]),
    );
    expect(results).toEqual(pupils.map(() => ["wrong", "in"]));
  });

  it("one address trying many accounts (credential stuffing) is refused, but a pupil who signed in there before still gets in", async () => {
    const school = `${net()}.2`;
    const [regular] = await createAccounts(1);
    expect(await signInAt(regular!, PASSWORD, school)).toBe("in");
    const stuffed = await createAccounts(60);
    const outcomes = [];
    for (const login of stuffed) outcomes.push(await signInAt(login, "leaked-password-1", school));
    expect(outcomes.slice(0, 50).every((o) => o === "wrong")).toBe(true);
    expect(outcomes.at(-1)).toMatch(WAIT);
    // Someone who has signed in from this address before is not shut out by what another did there.
    expect(await signInAt(regular!, PASSWORD, school)).toBe("in");
    // Elsewhere, the stuffed accounts' owners are untouched.
    expect(await signInAt(stuffed[0]!, PASSWORD, `${net()}.3`)).toBe("in");
  });

  it("IPv6 addresses in one /64 share a bucket; the next /64 is someone else", async () => {
    const [victim] = await createAccounts(1);
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:12`;
    for (let i = 1; i <= 5; i++) expect(await signInAt(victim!, `guess-${i}`, `${prefix}::${i.toString(16)}`)).toBe("wrong");
    // A sixth address in the same /64 (written out in full, or in a different case) is refused.
    expect(await signInAt(victim!, PASSWORD, `${prefix.toUpperCase()}:0:0:0:ff`)).toMatch(WAIT);
    // The neighbouring /64 is another household.
    expect(await signInAt(victim!, PASSWORD, `${prefix.replace(/12$/, "13")}::1`)).toBe("in");
  });

  it("twenty guesses at one account sent all at once from one address: five are checked, the rest wait", async () => {
    const [victim] = await createAccounts(1);
    const address = `${net()}.8`;
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => signInAt(victim!, `burst-${i}`, address)));
    expect(outcomes.filter((o) => o === "wrong")).toHaveLength(5);
    expect(outcomes.filter((o) => WAIT.test(o))).toHaveLength(15);
  });

  it("counts in Postgres, so another app process (a fresh module instance) refuses too", async () => {
    const [login] = await createAccounts(1);
    const address = `${net()}.4`;
    for (let i = 0; i < 5; i++) await signInAt(login!, `guess-${i}`, address);
    vi.resetModules();
    const secondProcess = await import("@/lib/auth/sign-in-throttle");
    expect(await signInAt(login!, PASSWORD, address, secondProcess.guardSignIn)).toMatch(WAIT);
  });
});

describe("reset links have a throttle of their own", () => {
  it("a hundred sign-ups from one address do not stop its reset links, and bad links are refused there after 10", async () => {
    const school = `${net()}.5`;
    for (let i = 0; i < 100; i++) await limitSignUp(school);
    await expect(limitSignUp(school)).rejects.toThrow(WAIT);

    const admin = await createUser("ADMIN");
    const pupils = await Promise.all(Array.from({ length: 2 }, () => createUser()));
    const links = await Promise.all(pupils.map((p) => createPasswordResetLink(admin, p.id)));
    // Sign-ups are full here; a pupil's reset link still works.
    await resetPasswordWithLink(links[0]!.token, "a brand new password", school);

    // Links that do not work count, here only: the tenth is still checked, the eleventh waits, even a good link.
    for (let i = 0; i < 10; i++) {
      await expect(resetPasswordWithLink(`not-a-link-${i}`, "a brand new password", school)).rejects.toThrow(/This reset link is not valid any more/);
    }
    await expect(resetPasswordWithLink(links[1]!.token, "a brand new password", school)).rejects.toThrow(WAIT);
    await expect(resetPasswordWithLink(links[1]!.token, "a brand new password", `${net()}.6`)).resolves.toBeUndefined();
    // And sign-ups elsewhere never noticed any of it.
    await expect(limitSignUp(`${net()}.7`)).resolves.toBeUndefined();
  });
});
