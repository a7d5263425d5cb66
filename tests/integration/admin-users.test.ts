import { describe, expect, it } from "vitest";
import { findActiveUser } from "@/lib/auth/active-user";
import { findResetLink, resetPasswordWithLink } from "@/lib/auth/password-reset";
import { verifyPassword } from "@/lib/auth/passwords";
import { listAuditEvents, ZAuditFilter } from "@/lib/audit/queries";
import { listUsersForAdmin, ZUserFilter } from "@/lib/users/queries";
import { createPasswordResetLink, setUserDisabled, setUserRole } from "@/lib/users/mutations";
import { createUser, db } from "./helpers";

describe("admin: users and the audit log", () => {
  it("a role change ends the user's sessions and is audited with before and after", async () => {
    const admin = await createUser("ADMIN");
    const other = await createUser("ADMIN");
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: other.id }, select: { sessionVersion: true } });
    expect(await findActiveUser(other.id, sessionVersion)).not.toBeNull();

    await setUserRole(admin, { userId: other.id, role: "STUDENT" });
    // The demoted admin's existing token no longer names an active session.
    expect(await findActiveUser(other.id, sessionVersion)).toBeNull();
    const { events } = await listAuditEvents(admin, ZAuditFilter.parse({ target: other.id }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.role", actorId: admin.id, before: { role: "ADMIN" }, after: { role: "STUDENT" } });
  });

  it("a non-admin's call is refused and changes nothing, not even the log", async () => {
    const instructor = await createUser("INSTRUCTOR");
    const target = await createUser("STUDENT");
    await expect(setUserRole(instructor, { userId: target.id, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserDisabled(instructor, { userId: target.id, disabled: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPasswordResetLink(instructor, target.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUsersForAdmin(instructor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, disabledAt: true } })).toEqual({ role: "STUDENT", disabledAt: null });
    expect(await db.auditEvent.count({ where: { targetId: target.id } })).toBe(0);
    expect(await db.passwordResetToken.count({ where: { userId: target.id } })).toBe(0);
  });

  it("a reset link works once, ends the user's sessions, and a newer link replaces an older one", async () => {
    const admin = await createUser("ADMIN");
    const user = await createUser("STUDENT");
    const first = await createPasswordResetLink(admin, user.id);
    const second = await createPasswordResetLink(admin, user.id);
    expect(await findResetLink(first.token)).toBeNull();
    expect(await findResetLink(second.token)).toEqual({ name: user.name });
    // The token is not stored, only its hash.
    expect(await db.passwordResetToken.count({ where: { tokenHash: second.token } })).toBe(0);

    await resetPasswordWithLink(second.token, "a brand new password", "203.0.113.1");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, sessionVersion: true } });
    expect(await verifyPassword(after.passwordHash, "a brand new password")).toBe(true);
    expect(after.sessionVersion).toBe(1);
    await expect(resetPasswordWithLink(second.token, "another password!!", "203.0.113.1")).rejects.toMatchObject({ code: "INVALID" });
    await expect(resetPasswordWithLink(first.token, "another password!!", "203.0.113.1")).rejects.toMatchObject({ code: "INVALID" });
    const { events } = await listAuditEvents(admin, ZAuditFilter.parse({ target: user.id, action: "user.password-reset-link" }));
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain(second.token);
  });

  it("an expired link, or one for a disabled account, does not work", async () => {
    const admin = await createUser("ADMIN");
    const user = await createUser("STUDENT");
    const { token } = await createPasswordResetLink(admin, user.id);
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPasswordWithLink(token, "a brand new password", "203.0.113.1")).rejects.toMatchObject({ code: "INVALID" });
    const again = await createPasswordResetLink(admin, user.id);
    await setUserDisabled(admin, { userId: user.id, disabled: true });
    expect(await findResetLink(again.token)).toBeNull();
    await expect(resetPasswordWithLink(again.token, "a brand new password", "203.0.113.1")).rejects.toMatchObject({ code: "INVALID" });
  });

  it("users can be searched by name, email or username, filtered by role, and paged", async () => {
    const admin = await createUser("ADMIN");
    const tag = `zq${Date.now().toString(36)}`;
    for (let i = 0; i < 30; i++) {
      await db.user.create({ data: { name: `Pupil ${tag} ${i}`, username: `${tag}-${i}`, passwordHash: "x", role: "STUDENT" } });
    }
    const page1 = await listUsersForAdmin(admin, ZUserFilter.parse({ q: tag.toUpperCase() }));
    expect(page1).toMatchObject({ total: 30, pages: 2 });
    expect(page1.users).toHaveLength(25);
    const page2 = await listUsersForAdmin(admin, ZUserFilter.parse({ q: tag, page: "2" }));
    expect(page2.users).toHaveLength(5);
    expect(new Set([...page1.users, ...page2.users].map((u) => u.id)).size).toBe(30);
    expect((await listUsersForAdmin(admin, ZUserFilter.parse({ q: tag, role: "INSTRUCTOR" }))).total).toBe(0);
  });
});
