import { describe, expect, it } from "vitest";
import { getAccountByLogin } from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/passwords";
import { ZCreateStudentAccountsInput } from "@/lib/classes/schemas";
import { createClass } from "@/lib/classes/mutations";
import { createStudentAccounts, listStudentAccounts, resetStudentPassword } from "@/lib/classes/student-accounts";
import { createUser, db } from "./helpers";

const input = (classId: string, names: string) => ZCreateStudentAccountsInput.parse({ classId, names });

describe("accounts without email", () => {
  it("creates a pupil per line, in the class, who signs in with the username and must choose a password", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId } = await createClass(teacher, { name: "7A", term: "Spring" });
    const accounts = await createStudentAccounts(teacher, input(classId, "Anahit Petrosyan\n\n  Petrosyan,   Anahit \nЭльмира Алиева\n"));

    expect(accounts.map((a) => a.name)).toEqual(["Anahit Petrosyan", "Petrosyan, Anahit", "Эльмира Алиева"]);
    expect(new Set(accounts.map((a) => a.username)).size).toBe(3);
    expect(accounts[0]!.username).toMatch(/^anahitp\d{2,}$/);
    expect(accounts[2]!.username).toMatch(/^student\d{2,}$/);

    for (const account of accounts) {
      const row = await db.user.findUniqueOrThrow({
        where: { username: account.username },
        select: { email: true, role: true, passwordHash: true, mustChangePassword: true, classes: { select: { classId: true } } },
      });
      expect(row).toMatchObject({ email: null, role: "STUDENT", mustChangePassword: true, classes: [{ classId }] });
      expect(row.passwordHash).not.toContain(account.password);
      expect(await verifyPassword(row.passwordHash, account.password)).toBe(true);
      expect(await getAccountByLogin(account.username)).toEqual({ role: "STUDENT", mustChangePassword: true });
    }
    expect((await listStudentAccounts(teacher, classId)).map((a) => a.username).sort()).toEqual(accounts.map((a) => a.username).sort());
  });

  it("another teacher can neither create accounts in the class nor reset its pupils' passwords; nothing changes", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const other = await createUser("INSTRUCTOR");
    const { id: classId } = await createClass(teacher, { name: "7B", term: "Spring" });
    const [pupil] = await createStudentAccounts(teacher, input(classId, "Lilit Hakobyan"));
    const before = await db.user.findUniqueOrThrow({ where: { username: pupil!.username }, select: { id: true, passwordHash: true, sessionVersion: true } });
    const student = await createUser("STUDENT");
    const users = await db.user.count();

    await expect(createStudentAccounts(other, input(classId, "Intruder Pupil"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resetStudentPassword(other, classId, before.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listStudentAccounts(other, classId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createStudentAccounts(student, input(classId, "Intruder Pupil"))).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await db.user.count()).toBe(users);
    expect(await db.user.findUniqueOrThrow({ where: { id: before.id }, select: { id: true, passwordHash: true, sessionVersion: true } })).toEqual(before);
  });

  it("a new one-time password replaces the old one and ends the pupil's sessions; pupils with email are refused", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const { id: classId } = await createClass(teacher, { name: "7C", term: "Spring" });
    const [pupil] = await createStudentAccounts(teacher, input(classId, "Aram Sargsyan"));
    const row = await db.user.findUniqueOrThrow({ where: { username: pupil!.username }, select: { id: true, sessionVersion: true } });
    await db.user.update({ where: { id: row.id }, data: { mustChangePassword: false } });

    const again = await resetStudentPassword(teacher, classId, row.id);
    expect(again.username).toBe(pupil!.username);
    const after = await db.user.findUniqueOrThrow({ where: { id: row.id }, select: { passwordHash: true, sessionVersion: true, mustChangePassword: true } });
    expect(await verifyPassword(after.passwordHash, again.password)).toBe(true);
    expect(await verifyPassword(after.passwordHash, pupil!.password)).toBe(false);
    expect(after.sessionVersion).toBe(row.sessionVersion + 1);
    expect(after.mustChangePassword).toBe(true);

    const withEmail = await createUser("STUDENT");
    await db.classMember.create({ data: { classId, userId: withEmail.id } });
    await expect(resetStudentPassword(teacher, classId, withEmail.id)).rejects.toMatchObject({ code: "INVALID" });
  });

  it("refuses an empty list and more than 60 names before touching the database", () => {
    expect(ZCreateStudentAccountsInput.safeParse({ classId: "c", names: " \n \n" }).error?.issues[0]?.message).toBe("Write one student name per line.");
    const many = Array.from({ length: 61 }, (_, i) => `Pupil ${i}`).join("\n");
    expect(ZCreateStudentAccountsInput.safeParse({ classId: "c", names: many }).error?.issues[0]?.message).toBe("Create at most 60 accounts at a time.");
  });
});
