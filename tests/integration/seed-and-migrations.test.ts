import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { loadCourse } from "@/lib/content/load-course";
import { seedCourse } from "@/lib/content/seed-course";
import { setLessonComplete } from "@/lib/learning/mutations";
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
