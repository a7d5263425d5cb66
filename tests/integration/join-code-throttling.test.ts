import { describe, expect, it } from "vitest";
import { createClass, joinClassByCode } from "@/lib/classes/mutations";
import { createUser, db } from "./helpers";

const net = () => `${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const WAIT = /^Too many attempts\. Try again in \d+ minutes?\.$/;

/** "joined", or the message the join form would show. */
async function join(user: Awaited<ReturnType<typeof createUser>>, code: string, address: string) {
  return joinClassByCode(user, code, address).then(
    () => "joined",
    (error: Error) => error.message,
  );
}

async function classWithCode() {
  const teacher = await createUser("INSTRUCTOR");
  const { id } = await createClass(teacher, { name: "History 10B", term: "2026" });
  const { joinCode } = await db.class.findUniqueOrThrow({ where: { id }, select: { joinCode: true } });
  return { id, code: joinCode! };
}

describe("join codes cannot be guessed without limit", () => {
  it("one account guessing codes is refused after 10 wrong ones, told how long to wait, even with the right code", async () => {
    const { code } = await classWithCode();
    const guesser = await createUser();
    const address = `${net()}.1`;
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) outcomes.push(await join(guesser, `ZZZ-${String(i).padStart(3, "0").replace(/\d/g, (d) => "ABCDEFGHJK"[Number(d)]!)}`, address));
    expect(outcomes.slice(0, 10).every((o) => o.startsWith("No class has that code"))).toBe(true);
    expect(outcomes.slice(10).every((o) => WAIT.test(o))).toBe(true);
    expect(await join(guesser, code, `${net()}.2`)).toMatch(WAIT);
  });

  it("a class of 30 joining from one school address all get in, each after a typo", async () => {
    const { id, code } = await classWithCode();
    const school = `${net()}.3`;
    const pupils = await Promise.all(Array.from({ length: 30 }, () => createUser()));
    const results = await Promise.all(pupils.map(async (p) => [await join(p, code.replace(/^./, code[0] === "Z" ? "Y" : "Z"), school), await join(p, code, school)]));
    expect(results.map(([, second]) => second)).toEqual(pupils.map(() => "joined"));
    expect(await db.classMember.count({ where: { classId: id } })).toBe(30);
  });

  it("many accounts guessing from one address are refused there after 100 wrong codes", async () => {
    const { code } = await classWithCode();
    const address = `${net()}.4`;
    const accounts = await Promise.all(Array.from({ length: 11 }, () => createUser()));
    let refusedAt = -1;
    for (let i = 0; i < 110 && refusedAt < 0; i++) {
      const outcome = await join(accounts[Math.floor(i / 10)]!, `QQQ-${"ABCDEFGHJK"[i % 10]}${"ABCDEFGHJK"[Math.floor(i / 10) % 10]}A`, address);
      if (WAIT.test(outcome)) refusedAt = i;
    }
    expect(refusedAt).toBe(100);
    const newcomer = await createUser();
    expect(await join(newcomer, code, address)).toMatch(WAIT);
    expect(await join(newcomer, code, `${net()}.5`)).toBe("joined");
  });
});
