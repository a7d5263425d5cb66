/**
 * The school the benchmark runs against: 2,000 students in 60 classes, each class with its instructor and
 * its four modules assigned (some past due), and work made and graded like the demo class's (plausible answers from
 * pupils of every skill, graded by the real grader), so
 * every table is the size a school year would make it. Everything made here has an id starting "bench-".
 */
import pg from "pg";
import { hashPassword } from "../lib/auth/passwords";
import type { TActivity } from "../lib/content/activity-schema";
import { answersFor } from "../lib/demo/demo-class";
import { gradeActivity } from "../lib/grading/grade-attempt";

export const SCHOOL = { classes: 60, students: 2_000 } as const;
export const BENCH_PASSWORD = "bench-password-2026";

export type TSchool = { classIds: string[]; instructorIds: string[]; studentEmails: string[]; attempts: number; answers: number };

const TEMPLATES = 40;

/** 40 graded attempts per activity, from pupils of skill 0.2 to 1, in a temporary table. */
async function createTemplates(db: pg.Client) {
  await db.query(
    `CREATE TEMP TABLE bench_templates ("activityId" text, k int, score float8, "maxScore" float8, result jsonb, answers jsonb) ON COMMIT DROP`,
  );
  const bodies = Object.fromEntries((await db.query(`SELECT slug, body FROM "Source"`)).rows.map((r) => [r.slug, r.body]));
  const activities = (await db.query(`SELECT id, definition FROM "Activity"`)).rows as { id: string; definition: TActivity }[];
  let seed = 2026;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (const { id, definition } of activities) {
    for (let k = 0; k < TEMPLATES; k++) {
      const answers = answersFor(definition, bodies, 0.2 + (0.8 * k) / (TEMPLATES - 1), rnd);
      const result = gradeActivity(definition, answers, bodies);
      await db.query(`INSERT INTO bench_templates VALUES ($1, $2, $3, $4, $5, $6)`, [id, k, result.score, result.maxScore, JSON.stringify(result), JSON.stringify(answers)]);
    }
  }
}

export async function seedSchool(db: pg.Client): Promise<TSchool> {
  // One real argon2id hash (the app's parameters), shared: sign-in verifies it like any other.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await db.query("BEGIN");
  try {
    await db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
       SELECT 'bench-t-' || lpad(i::text, 3, '0'), 'bench-t-' || i || '@bench.test', 'Teacher ' || i, $1, 'INSTRUCTOR', now()
       FROM generate_series(1, $2::int) AS i`,
      [passwordHash, SCHOOL.classes],
    );
    await db.query(
      `INSERT INTO "Class" (id, name, term, "updatedAt")
       SELECT 'bench-k-' || lpad(i::text, 3, '0'), 'Year 10 group ' || i, '2026–27', now() FROM generate_series(1, $1::int) AS i`,
      [SCHOOL.classes],
    );
    await db.query(
      `INSERT INTO "ClassInstructor" ("classId", "userId", "isOwner")
       SELECT 'bench-k-' || lpad(i::text, 3, '0'), 'bench-t-' || lpad(i::text, 3, '0'), true FROM generate_series(1, $1::int) AS i`,
      [SCHOOL.classes],
    );
    await db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
       SELECT 'bench-s-' || lpad(i::text, 5, '0'), 'bench-s-' || i || '@bench.test', 'Student ' || i, $1, 'STUDENT', now()
       FROM generate_series(1, $2::int) AS i`,
      [passwordHash, SCHOOL.students],
    );
    await db.query(
      `INSERT INTO "ClassMember" ("classId", "userId")
       SELECT 'bench-k-' || lpad((1 + (i % $2::int))::text, 3, '0'), 'bench-s-' || lpad(i::text, 5, '0') FROM generate_series(1, $1::int) AS i`,
      [SCHOOL.students, SCHOOL.classes],
    );
    // Every class has the four modules, the first two past due, the others due in the coming weeks.
    await db.query(
      `INSERT INTO "Assignment" (id, "classId", "moduleId", "opensAt", "dueAt", "timeZone", feedback)
       SELECT 'bench-a-' || c.id || '-' || m."order", c.id, m.id, now() - interval '40 days',
              now() + m."order" * interval '10 days' - interval '15 days', 'Asia/Baku', 'AFTER_DUE'
       FROM "Class" c CROSS JOIN "Module" m WHERE c.id LIKE 'bench-k-%'`,
    );
    // Per student and activity: 75% submitted (a third of them twice), 10% in progress, the rest not
    // started. Each attempt copies one of 40 graded templates per activity (pupils of every skill level),
    // with its answers, result and score, so reports read real answer shapes.
    await createTemplates(db);
    await db.query(
      `CREATE TEMP TABLE bench_pairs ON COMMIT DROP AS
       SELECT m."userId", a.id AS "activityId", a.version AS "currentVersion", random() AS r
       FROM "ClassMember" m CROSS JOIN "Activity" a WHERE m."classId" LIKE 'bench-k-%'`,
    );
    await db.query(
      `CREATE TEMP TABLE bench_attempts ON COMMIT DROP AS
       SELECT 'bench-h-' || gen_random_uuid() AS id, p."userId", p."activityId", p."currentVersion", n, p.r,
              floor(random() * ${TEMPLATES})::int AS k
       FROM bench_pairs p CROSS JOIN LATERAL generate_series(1, CASE WHEN p.r < 0.25 THEN 2 ELSE 1 END) AS n
       WHERE p.r < 0.85`,
    );
    const attempts = await db.query(
      `INSERT INTO "Attempt" (id, "userId", "activityId", number, "activityVersion", status, "openSlot", score, "maxScore", result, "submittedAt", "updatedAt")
       SELECT b.id, b."userId", b."activityId", b.n, b."currentVersion",
         CASE WHEN b.r < 0.75 THEN 'SUBMITTED' ELSE 'IN_PROGRESS' END::"AttemptStatus",
         CASE WHEN b.r < 0.75 THEN NULL ELSE 'open' END,
         CASE WHEN b.r < 0.75 THEN t.score END, CASE WHEN b.r < 0.75 THEN t."maxScore" END, CASE WHEN b.r < 0.75 THEN t.result END,
         CASE WHEN b.r < 0.75 THEN now() - b.r * interval '40 days' - b.n * interval '1 hour' END, now()
       FROM bench_attempts b JOIN bench_templates t ON t."activityId" = b."activityId" AND t.k = b.k`,
    );
    const answers = await db.query(
      `INSERT INTO "Answer" ("attemptId", "questionId", value, "answeredAt", "updatedAt")
       SELECT b.id, a.key, a.value, now() - interval '1 day', now()
       FROM bench_attempts b JOIN bench_templates t ON t."activityId" = b."activityId" AND t.k = b.k
       CROSS JOIN LATERAL jsonb_each(t.answers) AS a`,
    );
    await db.query("COMMIT");
    await db.query(`ANALYZE`);
    return {
      classIds: Array.from({ length: SCHOOL.classes }, (_, i) => `bench-k-${String(i + 1).padStart(3, "0")}`),
      instructorIds: Array.from({ length: SCHOOL.classes }, (_, i) => `bench-t-${String(i + 1).padStart(3, "0")}`),
      studentEmails: Array.from({ length: SCHOOL.students }, (_, i) => `bench-s-${i + 1}@bench.test`),
      attempts: attempts.rowCount ?? 0,
      answers: answers.rowCount ?? 0,
    };
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  }
}
