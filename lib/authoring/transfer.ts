import "server-only";
import { db } from "@/lib/db";
import type { TCurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ContentError } from "@/lib/content/load-course";
import { seedCourse } from "@/lib/content/seed-course";
import { FieldsError } from "@/lib/errors";
import { assertAdmin, authorOf } from "./access";
import { computeCoverage } from "./coverage";
import { exportCourseZip, readCourseFromDb } from "./export-course";
import { readCourseFromZip } from "./import-course";

/** The whole course as a zip of content/ files, for backup, review or moving to another installation. Audited. */
export async function exportCourseForAdmin(actor: TCurrentUser) {
  assertAdmin(actor);
  const zip = await exportCourseZip(db);
  await db.$transaction((tx) =>
    recordAudit(tx, actor, { action: "course.export", targetType: "Course", summary: `Exported the course (${zip.byteLength} bytes)` }),
  );
  return zip;
}

/**
 * Imports a zip of content/ files: checked like content/ (every schema rule, every quote in its source),
 * then written by slug in one transaction. A changed activity gets a new version; nothing learners did
 * is deleted. A problem names the file and the field, and nothing is written. Audited.
 */
export async function importCourseForAdmin(actor: TCurrentUser, bytes: Uint8Array, fileName: string) {
  assertAdmin(actor);
  let course;
  try {
    course = await readCourseFromZip(bytes);
  } catch (error) {
    if (error instanceof ContentError) throw new FieldsError({ file: error.message }, "The course was not imported: nothing was changed.");
    throw error;
  }
  const before = await db.activity.aggregate({ _sum: { version: true } });
  await db.$transaction(
    async (tx) => {
      await seedCourse(tx, course, authorOf(actor, `Imported from ${fileName}`));
      await recordAudit(tx, actor, {
        action: "course.import",
        targetType: "Course",
        summary: `Imported the course from ${fileName}: ${course.sources.length} sources, ${course.modules.length} modules`,
      });
    },
    { timeout: 120_000 },
  );
  const after = await db.activity.aggregate({ _sum: { version: true } });
  const lessons = course.modules.reduce((n, m) => n + m.lessons.length, 0);
  const activities = course.modules.reduce((n, m) => n + m.activities.length, 0);
  return { sources: course.sources.length, modules: course.modules.length, lessons, activities, newVersions: (after._sum.version ?? 0) - (before._sum.version ?? 0) };
}

/** The coverage report over the course as it is now, drafts included (they are marked). */
export async function getCoverageReport(actor: TCurrentUser) {
  assertAdmin(actor);
  return computeCoverage(await readCourseFromDb(db));
}
