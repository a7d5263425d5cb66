import { afterEach, describe, expect, it } from "vitest";
import { saveActivity } from "@/lib/authoring/activities";
import { getActivityForEdit } from "@/lib/authoring/queries";
import { createSource } from "@/lib/authoring/sources";
import { setUserRole } from "@/lib/users/mutations";
import { createUser, db } from "./helpers";

/**
 * Writes that belong together are saved together or not at all. A trigger makes the LAST write of each
 * change (its audit record) fail, as a crash or a lost connection would between two statements; the
 * first write must then be rolled back too.
 */
async function breakAuditWrites() {
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION it_refuse_audit() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'simulated failure between two writes'; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`CREATE TRIGGER it_refuse_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION it_refuse_audit()`);
}

afterEach(async () => {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS it_refuse_audit ON "AuditEvent"`);
});

describe("a failure between two writes that belong together leaves neither", () => {
  it("a role change whose audit record fails leaves the role and the sessions as they were", async () => {
    const [admin, student] = await Promise.all([createUser("ADMIN"), createUser("STUDENT")]);
    const before = await db.user.findUniqueOrThrow({ where: { id: student.id }, select: { role: true, sessionVersion: true } });
    await breakAuditWrites();
    await expect(setUserRole(admin, { userId: student.id, role: "INSTRUCTOR" })).rejects.toThrow(/simulated failure/);
    expect(await db.user.findUniqueOrThrow({ where: { id: student.id }, select: { role: true, sessionVersion: true } })).toEqual(before);
  });

  it("an activity edit whose audit record fails makes no version and changes no question", async () => {
    const admin = await createUser("ADMIN");
    const opened = await getActivityForEdit(admin, "war-2020-quiz");
    const versions = await db.activityVersion.count({ where: { activityId: opened.id } });
    await breakAuditWrites();
    await expect(saveActivity(admin, opened.slug, opened.yaml.replace(/^title: .*$/m, 'title: "Never saved"'), "Broken")).rejects.toThrow(/simulated failure/);
    const after = await getActivityForEdit(admin, opened.slug);
    expect(after.version).toBe(opened.version);
    expect(after.title).toBe(opened.title);
    expect(await db.activityVersion.count({ where: { activityId: opened.id } })).toBe(versions);
  });

  it("a new source whose audit record fails is not created", async () => {
    const admin = await createUser("ADMIN");
    await breakAuditWrites();
    const slug = `it-tx-${Date.now().toString(36)}`;
    await expect(
      createSource(admin, {
        slug, title: "Never saved", authors: "Jane Doe — Example News", bylineNote: "", outletName: "Example News", outletKind: "News agency",
        outletUrl: "", publishedAt: "2024-01-02", dateNote: "", url: "", urlNote: "", genre: "news-report", stanceStatement: "",
        voice: "unknown", voiceNote: "", rights: "Written for the tests", body: "One sentence.",
      }),
    ).rejects.toThrow(/simulated failure/);
    expect(await db.source.count({ where: { slug } })).toBe(0);
  });
});
