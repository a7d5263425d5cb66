import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { loadCourse } from "@/lib/content/load-course";
import { seedCourse } from "@/lib/content/seed-course";
import { setLessonComplete } from "@/lib/learning/mutations";
import { createClass } from "@/lib/classes/mutations";
import { createUser, db } from "./helpers";

describe("seeding and migrations", () => {
  it("re-seeding the course never duplicates content or erases a learner's progress", async () => {
    const user = await createUser();
    const lesson = await db.lesson.findFirstOrThrow({ select: { slug: true, module: { select: { slug: true } } } });
    await setLessonComplete(user, { moduleSlug: lesson.module.slug, lessonSlug: lesson.slug, completed: true });
    const attemptId = await startOrResumeAttempt(user, "september-2023-quiz");
    const counts = async () => [await db.source.count(), await db.module.count(), await db.lesson.count(), await db.activity.count(), await db.term.count()];
    const before = await counts();

    const course = await loadCourse();
    await seedCourse(db, course);
    await seedCourse(db, course);

    expect(await counts()).toEqual(before);
    expect(before).toEqual([5, 4, course.modules.flatMap((m) => m.lessons).length, course.modules.flatMap((m) => m.activities).length, course.terms.length]);
    expect((await db.lessonProgress.findFirstOrThrow({ where: { userId: user.id } })).completedAt).not.toBeNull();
    expect(await db.attempt.findUnique({ where: { id: attemptId } })).not.toBeNull();
  });

  it("the backfill of pupils' creating class takes the class of their earliest membership, and only for pupils without email", async () => {
    // Rows as they were before the column: the migration's own UPDATE is run on them.
    const teacher = await createUser("INSTRUCTOR");
    const { id: first } = await createClass(teacher, { name: "Old 9A", term: "2025" });
    const { id: later } = await createClass(teacher, { name: "Old 9B", term: "2025" });
    const tag = Date.now().toString(36);
    const pupil = await db.user.create({ data: { name: "Old pupil", username: `old-pupil-${tag}`, passwordHash: "x" }, select: { id: true } });
    const loner = await db.user.create({ data: { name: "Old loner", username: `old-loner-${tag}`, passwordHash: "x" }, select: { id: true } });
    const withEmail = await createUser("STUDENT");
    await db.classMember.createMany({
      data: [
        { classId: later, userId: pupil.id, joinedAt: new Date("2025-03-01") },
        { classId: first, userId: pupil.id, joinedAt: new Date("2025-01-10") },
        { classId: first, userId: withEmail.id, joinedAt: new Date("2025-01-01") },
      ],
    });
    const sql = readFileSync("prisma/migrations/20261130133019_pupils_created_in_class/migration.sql", "utf8");
    const backfill = sql.slice(sql.indexOf('UPDATE "User"'));
    await db.$executeRawUnsafe(backfill);

    const createdIn = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { createdInClassId: true } })).createdInClassId;
    expect(await createdIn(pupil.id)).toBe(first);
    expect(await createdIn(loner.id)).toBeNull();
    expect(await createdIn(withEmail.id)).toBeNull();
  });

  it("the migrations in prisma/migrations match schema.prisma (no drift)", () => {
    // Exit code 2 means a difference; the output names it.
    const output = execFileSync(
      "npx",
      ["--no-install", "prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"],
      { encoding: "utf8", env: process.env, stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(output).toMatch(/No difference detected|^\s*$/m);
  }, 60_000);
});
