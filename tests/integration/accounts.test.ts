import { describe, expect, it } from "vitest";
import { createStudentAccount, endAllSessions } from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/passwords";
import { AppError } from "@/lib/errors";
import { setUserDisabled, setUserRole } from "@/lib/users/mutations";
import { createUser, db } from "./helpers";

describe("accounts and roles", () => {
  it("sign-up creates a student with an argon2id hash, and refuses a second account for the same email", async () => {
    const email = `signup-${Date.now()}@example.test`;
    await createStudentAccount({ name: "New", email, password: "a-long-password" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("STUDENT");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "a-long-password")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "wrong-password")).toBe(false);
    await expect(createStudentAccount({ name: "Again", email, password: "another-password" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("demoting or disabling a user, or signing out, bumps the session version that tokens are checked against", async () => {
    const admin = await createUser("ADMIN");
    const target = await createUser("INSTRUCTOR");
    const version = async () => (await db.user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion;
    const v0 = await version();
    await setUserRole(admin, { userId: target.id, role: "STUDENT" });
    expect(await version()).toBe(v0 + 1);
    await setUserDisabled(admin, { userId: target.id, disabled: true });
    expect(await version()).toBe(v0 + 2);
    await endAllSessions(target.id);
    expect(await version()).toBe(v0 + 3);
  });

  it("only an admin can change roles, and nothing changes when refused", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const student = await createUser("STUDENT");
    await expect(setUserRole(instructor, { userId: student.id, role: "ADMIN" })).rejects.toBeInstanceOf(AppError);
    await expect(setUserDisabled(student, { userId: instructor.id, disabled: true })).rejects.toBeInstanceOf(AppError);
    const after = await db.user.findUniqueOrThrow({ where: { id: student.id } });
    expect(after.role).toBe("STUDENT");
    expect((await db.user.findUniqueOrThrow({ where: { id: instructor.id } })).disabledAt).toBeNull();
  });
});
