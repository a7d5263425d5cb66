/**
 * A demo class for the demo instructor, so the progress grid, item analysis and evidence heatmap have
 * something to show on a fresh install: twelve pupils (username accounts) with graded attempts on two
 * assignments. The answers are generated with a fixed seed, and graded by the real grader.
 */
import type { TActivity } from "../content/activity-schema";
import type { TCourse } from "../content/load-course";
import { gradeActivity } from "../grading/grade-attempt";
import { locatePassages } from "../grading/score-evidence";
import type { PrismaClient } from "../generated/prisma/client";

const CLASS_ID = "demo-class-10b";
export const DEMO_PUPILS = [
  "Anahit Petrosyan", "Aysel Mammadova", "Tigran Hakobyan", "Leyla Aliyeva", "Davit Grigoryan", "Nigar Huseynova",
  "Lucas Martin", "Mariam Sargsyan", "Elvin Guliyev", "Sofia Rossi", "Armen Harutyunyan", "Farid Rzayev",
];

/** A small deterministic generator (mulberry32), so the demo looks the same on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plausible answers from a pupil of skill `skill` (0..1): right with that probability, otherwise a wrong pick. */
export function answersFor(activity: TActivity, bodies: Record<string, string>, skill: number, rnd: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const answers: Record<string, unknown> = {};
  for (const q of activity.questions) {
    if (q.type === "choice") {
      const wrong = q.options.filter((o) => !q.answer.includes(o.id));
      answers[q.id] = { selected: rnd() < skill || !wrong.length ? [...q.answer] : [pick(wrong).id] };
    } else if (q.type === "perspective") {
      answers[q.id] = {
        axes: Object.fromEntries(
          q.axes.map((a) => {
            const wrong = a.options.filter((o) => o.id !== a.answer);
            return [a.axis, rnd() < skill ? a.answer : pick(wrong).id];
          }),
        ),
      };
    } else if (q.type === "evidence") {
      const body = bodies[q.source]!;
      const keys = locatePassages(body, q.passages).filter(() => rnd() < skill);
      // Plus a sentence or two that are not key passages: what misleads is what the heatmap shows.
      const sentences = [...body.matchAll(/[^.!?\n]+[.!?]/g)].map((m) => [m.index!, m.index! + m[0].length] as [number, number]);
      const extra = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(sentences.slice(0, 40)));
      answers[q.id] = { ranges: [...keys, ...extra] };
    } else if (q.type === "written") {
      answers[q.id] = { text: "The article names its sources and quotes both governments, but its headline uses one side's term." };
    }
  }
  return answers;
}

/** Creates the demo class once; later runs leave it (and whatever the demo instructor changed) alone. */
export async function seedDemoClass(db: PrismaClient, course: TCourse, passwordHash: string, instructorEmail: string, studentEmail: string) {
  if (await db.class.findUnique({ where: { id: CLASS_ID }, select: { id: true } })) return;
  const [instructor, student] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: instructorEmail }, select: { id: true } }),
    db.user.findUniqueOrThrow({ where: { email: studentEmail }, select: { id: true } }),
  ]);
  const activities = new Map(course.modules.flatMap((m) => m.activities).map((a) => [a.slug, a]));
  const bodies = Object.fromEntries(course.sources.map((s) => [s.slug, s.body]));
  const rows = await db.activity.findMany({ select: { id: true, slug: true, moduleId: true } });
  const idOf = new Map(rows.map((r) => [r.slug, r]));
  const quiz = idOf.get("september-2023-quiz")!;
  const warModule = await db.module.findUniqueOrThrow({ where: { slug: "war-2020" }, select: { id: true } });
  const day = 86_400_000;
  const now = Date.now();
  // Due dates at 17:00 Paris time (16:00 UTC in winter), as a teacher would set them.
  const at17 = (days: number) => new Date(Math.floor((now + days * day) / day) * day + 16 * 3_600_000);

  await db.$transaction(async (tx) => {
    await tx.class.create({
      data: {
        id: CLASS_ID,
        name: "Demo: History 10B",
        term: "Autumn 2026",
        joinCode: null,
        instructors: { create: { userId: instructor.id, isOwner: true } },
        members: { create: { userId: student.id } },
        assignments: {
          create: [
            // Made two weeks ago, before the pupils' attempts (up to six days old): attempts from before an
            // assignment do not count for it (lib/assignments/counted-attempts.ts).
            { moduleId: warModule.id, opensAt: at17(-14), dueAt: at17(-2), timeZone: "Europe/Paris", feedback: "IMMEDIATE", createdAt: at17(-14) },
            // NOTE: feedback at once: an open assignment with feedback withheld would withhold the quiz's key from
            // every visitor's self-study too (the self-study rule, lib/assignments/feedback-rules.ts).
            { activityId: quiz.id, opensAt: at17(-3), dueAt: at17(5), timeZone: "Europe/Paris", feedback: "IMMEDIATE", createdAt: at17(-14) },
          ],
        },
      },
    });
    const rnd = random(2020);
    for (const [i, name] of DEMO_PUPILS.entries()) {
      const username = `demo-pupil-${String(i + 1).padStart(2, "0")}`;
      const pupil = await tx.user.create({ data: { name, username, passwordHash, role: "STUDENT", createdInClassId: CLASS_ID }, select: { id: true } });
      await tx.classMember.create({ data: { classId: CLASS_ID, userId: pupil.id } });
      const skill = 0.35 + rnd() * 0.6;
      const slugs = ["war-2020-compare-anniversaries", "war-2020-quiz", "september-2023-quiz"].filter(() => rnd() < 0.8);
      for (const slug of slugs) {
        const activity = activities.get(slug);
        const row = idOf.get(slug);
        if (!activity || !row) continue;
        const answers = answersFor(activity, bodies, skill, rnd);
        const result = gradeActivity(activity, answers, bodies);
        const submittedAt = new Date(now - rnd() * 6 * day);
        await tx.attempt.create({
          data: {
            userId: pupil.id,
            activityId: row.id,
            number: 1,
            status: "SUBMITTED",
            openSlot: null,
            score: result.score,
            maxScore: result.maxScore,
            result,
            startedAt: new Date(submittedAt.getTime() - 20 * 60_000),
            submittedAt,
            answers: { create: Object.entries(answers).map(([questionId, value]) => ({ questionId, value: value as object, answeredAt: submittedAt })) },
          },
        });
      }
    }
  });
}
