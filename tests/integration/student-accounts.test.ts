import { describe, expect, it } from "vitest";
import { getAccountByLogin } from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/passwords";
import { ZCreateStudentAccountsInput } from "@/lib/classes/schemas";
import { addCoInstructor, createClass, joinClassByCode } from "@/lib/classes/mutations";
import { getTaughtClass } from "@/lib/classes/queries";
import { CREATED_ELSEWHERE_MESSAGE, createStudentAccounts, listStudentAccounts, resetStudentPassword } from "@/lib/classes/student-accounts";
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
    expect((await listStudentAccounts(teacher, classId)).accounts.map((a) => a.username).sort()).toEqual(accounts.map((a) => a.username).sort());
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

  it("only the class that created a pupil resets their password: not another class they joined by code; its co-instructors may", async () => {
    const ownerA = await createUser("INSTRUCTOR");
    const coA = await createUser("INSTRUCTOR");
    const teacherB = await createUser("INSTRUCTOR");
    const { id: classA } = await createClass(ownerA, { name: "8A", term: "Spring" });
    const { id: classB } = await createClass(teacherB, { name: "8B", term: "Spring" });
    await addCoInstructor(ownerA, classA, coA.email!);
    const [created] = await createStudentAccounts(ownerA, input(classA, "Narine Grigoryan"));
    const pupil = await db.user.findUniqueOrThrow({ where: { username: created!.username }, select: { id: true, email: true, username: true, name: true, role: true, mustChangePassword: true } });
    // The pupil signs in and joins class B with its code, as any student can.
    const { joinCode } = await db.class.findUniqueOrThrow({ where: { id: classB }, select: { joinCode: true } });
    await joinClassByCode(pupil, joinCode!);
    const state = () => db.user.findUniqueOrThrow({ where: { id: pupil.id }, select: { passwordHash: true, sessionVersion: true, mustChangePassword: true, createdInClassId: true } });
    const before = await state();
    expect(before.createdInClassId).toBe(classA);

    // Class B's instructor is told why, and nothing about the pupil changes: their password still works.
    await expect(resetStudentPassword(teacherB, classB, pupil.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: CREATED_ELSEWHERE_MESSAGE });
    expect(await state()).toEqual(before);
    expect(await verifyPassword(before.passwordHash, created!.password)).toBe(true);
    // B's accounts page offers no reset for them but says where they come from; so does B's roster.
    expect(await listStudentAccounts(teacherB, classB)).toEqual({ accounts: [], createdElsewhere: [{ id: pupil.id, name: pupil.name, username: created!.username }] });
    const rosterB = await getTaughtClass(teacherB, classB);
    expect(rosterB.members.map((m) => [m.user.id, m.user.createdElsewhere])).toEqual([[pupil.id, true]]);
    expect(JSON.stringify(rosterB)).not.toContain(classA);
    const rosterA = await getTaughtClass(coA, classA);
    expect(rosterA.members.map((m) => [m.user.id, m.user.createdElsewhere])).toEqual([[pupil.id, false]]);
    expect((await listStudentAccounts(coA, classA)).accounts.map((a) => a.id)).toEqual([pupil.id]);

    // Class A's co-instructor may: a new one-time password, the old one gone, sessions ended.
    const fresh = await resetStudentPassword(coA, classA, pupil.id);
    const after = await state();
    expect(await verifyPassword(after.passwordHash, fresh.password)).toBe(true);
    expect(await verifyPassword(after.passwordHash, created!.password)).toBe(false);
    expect(after).toMatchObject({ sessionVersion: before.sessionVersion + 1, mustChangePassword: true, createdInClassId: classA });

    // A pupil with no creating class recorded (their class was deleted, or a row from before the column) is nobody's to reset.
    await db.user.update({ where: { id: pupil.id }, data: { createdInClassId: null } });
    await expect(resetStudentPassword(ownerA, classA, pupil.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an empty list and more than 60 names before touching the database", () => {
    expect(ZCreateStudentAccountsInput.safeParse({ classId: "c", names: " \n \n" }).error?.issues[0]?.message).toBe("Write one student name per line.");
    const many = Array.from({ length: 61 }, (_, i) => `Pupil ${i}`).join("\n");
    expect(ZCreateStudentAccountsInput.safeParse({ classId: "c", names: many }).error?.issues[0]?.message).toBe("Create at most 60 accounts at a time.");
  });
});
