import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { checkSignIn, clearSignInFailures, recordSignInFailure } from "@/lib/auth/rate-limit";
import { db } from "./helpers";

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

/** "in", "wrong", or the refusal's message: what the sign-in form would show. */
async function signInAt(login: string, password: string, address: string): Promise<string> {
  try {
    await checkSignIn(login, address);
  } catch (error) {
    return (error as Error).message;
  }
  const user = await db.user.findUnique({ where: { email: login }, select: { passwordHash: true } });
  if (await verifyPassword(user?.passwordHash ?? null, password)) {
    await clearSignInFailures(login, address);
    return "in";
  }
  await recordSignInFailure(login, address);
  return "wrong";
}

const WAIT = /^Too many attempts\. Try again in \d+ minutes?\.$/;

describe("sign-in throttling slows attackers without locking real users out", () => {
  it("an attacker spraying one account from ten addresses cannot lock its owner out, and is still slowed", async () => {
    const [victim] = await createAccounts(1);
    const attackers = Array.from({ length: 10 }, () => `${net()}.${Math.floor(Math.random() * 250)}`);
    for (const address of attackers) {
      for (let i = 0; i < 5; i++) expect(await signInAt(victim!, `guess-${i}`, address)).toBe("wrong");
    }
    // The owner, from home (an address that never failed), signs in at once.
    expect(await signInAt(victim!, PASSWORD, "203.0.113.77")).toBe("in");
    // The attacker is refused at each address it used, and told how long to wait.
    for (const address of attackers) expect(await signInAt(victim!, `guess-again`, address)).toMatch(WAIT);
    // A fresh address gets one guess checked; while the account is under attack, its next waits.
    const another = `${net()}.9`;
    expect(await signInAt(victim!, "guess-fresh", another)).toBe("wrong");
    expect(await signInAt(victim!, "guess-fresh-2", another)).toMatch(/^Too many attempts\. Try again in 1 minute\.$/);
    // The owner still gets in, even from a second fresh address, and after the attacker's latest guess.
    expect(await signInAt(victim!, PASSWORD, "198.51.100.200")).toBe("in");
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
});
