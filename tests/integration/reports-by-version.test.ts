import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { createAssignment } from "@/lib/assignments/mutations";
import { saveAnswer } from "@/lib/attempts/save-answer";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import type { TCurrentUser } from "@/lib/auth/session";
import { saveActivity } from "@/lib/authoring/activities";
import { getActivityForEdit } from "@/lib/authoring/queries";
import { createClass, joinClassByCode } from "@/lib/classes/mutations";
import type { TActivity } from "@/lib/content/activity-schema";
import type { TPublicActivity } from "@/lib/content/public-activity";
import { getEvidenceHeatmap } from "@/lib/reports/evidence-heatmap";
import { getAssignedFirstResults } from "@/lib/reports/first-attempts";
import { getItemAnalysis } from "@/lib/reports/item-analysis";
import type { TQuestionAnalysis } from "@/lib/reports/item-analysis-compute";
import { getStudentWork } from "@/lib/reports/student-work";
import { createUser, db } from "./helpers";

/**
 * A teacher's reports on a quiz an admin revised while the class was taking it: every first submission
 * is read against the version it answered, so no answer is counted against options it never saw.
 */

const QUIZ = "september-2023-quiz";
const TITLE = "Quiz: three perspectives on September 2023";
const SCEEUS = "sceeus-2023-anti-terrorist";
/** q2 is the evidence question on the SCEEUS comment; this is one of its key passages. */
const SCEEUS_KEY = "From the Armenian side, the Azerbaijani attack is viewed as an attempt to cleanse Nagorno-Karabakh of ethnic Armenians.";
/** q7's option "e" exists only in version 2 (it replaces "d", which exists only in version 1). */
const V2_OPTION = { id: "e", text: "The approaching end of the peacekeepers' mandate, and tensions with Russia and Iran" };
const local = (d: Date) => d.toISOString().slice(0, 16);
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

type TAnalysis = Awaited<ReturnType<typeof getItemAnalysis>>;
type TEntry = TAnalysis["activities"][number];

const choice = (entry: TEntry, id: string) => {
  const q = entry.questions.find((x) => x.id === id);
  if (q?.type !== "choice") throw new Error(`${id} should be a choice question in ${entry.activityId}`);
  return q as Extract<TQuestionAnalysis, { type: "choice" }>;
};
const counts = (entry: TEntry, id: string) => Object.fromEntries(choice(entry, id).options.map((o) => [o.id, o.count]));
const publicPrompt = (definition: TPublicActivity, id: string) => definition.questions.find((q) => q.id === id)!.prompt;
const publicOptionIds = (definition: TPublicActivity, id: string) => {
  const q = definition.questions.find((x) => x.id === id);
  if (q?.type !== "choice") throw new Error(`${id} should be a choice question`);
  return q.options.map((o) => o.id).sort();
};

/** One student's first (and only) attempt: q7 picked, a key passage of q2 highlighted, q1's stance if given. */
async function takeQuiz(student: TCurrentUser, q7: string, sceeusBody: string, stance?: string) {
  const attemptId = await startOrResumeAttempt(student, QUIZ);
  const at = sceeusBody.indexOf(SCEEUS_KEY);
  const answeredAt = new Date();
  await saveAnswer(student, { attemptId, questionId: "q7", value: { selected: [q7] }, answeredAt });
  await saveAnswer(student, { attemptId, questionId: "q2", value: { ranges: [[at, at + SCEEUS_KEY.length]] }, answeredAt });
  if (stance) await saveAnswer(student, { attemptId, questionId: "q1", value: { axes: { stance } }, answeredAt });
  await submitAttempt(student, { attemptId, answers: [] });
  return attemptId;
}

describe("reports on an activity revised after some of the class took it", () => {
  let teacher: TCurrentUser;
  let classId: string;
  let quizId: string;
  let early: TCurrentUser[];
  let late: TCurrentUser;
  let oldPrompt: string;
  let newPrompt: string;
  let before: TAnalysis;
  let beforeResults: Awaited<ReturnType<typeof getAssignedFirstResults>>;
  let after: TAnalysis;

  beforeAll(async () => {
    const admin = await createUser("ADMIN");
    teacher = await createUser("INSTRUCTOR");
    early = [await createUser("STUDENT"), await createUser("STUDENT")];
    late = await createUser("STUDENT");
    ({ id: classId } = await createClass(teacher, { name: "11C", term: "Spring" }));
    const { joinCode } = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
    for (const s of [...early, late]) await joinClassByCode(s, joinCode!);
    const quiz = await db.activity.findUniqueOrThrow({ where: { slug: QUIZ }, select: { id: true, version: true } });
    expect(quiz.version).toBe(1);
    quizId = quiz.id;
    await createAssignment(teacher, {
      classId,
      target: `activity:${quizId}`,
      opensAt: local(days(-1)),
      dueAt: local(days(7)),
      timeZone: "UTC",
      feedback: "IMMEDIATE",
    });
    const { body } = await db.source.findUniqueOrThrow({ where: { slug: SCEEUS }, select: { body: true } });
    expect(body).toContain(SCEEUS_KEY);

    // Two students submit version 1: one picks q7's key "a" and labels the SCEEUS stance right, one picks "d".
    await takeQuiz(early[0]!, "a", body, "reporting");
    await takeQuiz(early[1]!, "d", body);
    before = await getItemAnalysis(teacher, classId);
    beforeResults = await getAssignedFirstResults(teacher, classId);

    // The admin rewrites q7: a new prompt, option "d" replaced by "e", and "e" is now the key.
    const definition = parseYaml((await getActivityForEdit(admin, QUIZ)).yaml) as TActivity;
    const q7 = definition.questions.find((q) => q.id === "q7");
    if (q7?.type !== "choice") throw new Error("the seeded quiz needs a choice question q7");
    expect(q7.options.map((o) => o.id)).toEqual(["a", "b", "c", "d"]);
    expect(q7.answer).toEqual(["a"]);
    oldPrompt = q7.prompt;
    newPrompt = "Which development does SCEEUS name as a possible reason for the offensive?";
    q7.prompt = newPrompt;
    q7.options = [...q7.options.filter((o) => o.id !== "d"), V2_OPTION];
    q7.answer = ["e"];
    expect(await saveActivity(admin, QUIZ, stringifyYaml(definition), "Reworded question 7")).toMatchObject({ version: 2, changed: true });

    // A third student takes it now, on version 2, and picks the new key.
    const attemptId = await takeQuiz(late, "e", body);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { activityVersion: true } })).activityVersion).toBe(2);
    after = await getItemAnalysis(teacher, classId);
  });

  it("before the edit the quiz is listed once, under its plain title, with both students", () => {
    expect(beforeResults.map((a) => [a.id, a.title, a.results.length])).toEqual([[quizId, TITLE, 2]]);
    expect(before.activities.map((a) => [a.activityId, a.title, a.respondents])).toEqual([[quizId, TITLE, 2]]);
    expect(counts(before.activities[0]!, "q7")).toEqual({ a: 1, b: 0, c: 0, d: 1 });
  });

  it("after it, the first results are split by version: version 1 with the two early students, version 2 with the late one", async () => {
    const results = await getAssignedFirstResults(teacher, classId);
    expect(results.map((a) => [a.id, a.title])).toEqual([
      [`${quizId}@1`, `${TITLE} (version 1)`],
      [`${quizId}@2`, `${TITLE} (version 2)`],
    ]);
    expect(results[0]!.results.map((r) => r.userId).sort()).toEqual(early.map((s) => s.id).sort());
    expect(results[1]!.results.map((r) => r.userId)).toEqual([late.id]);
    // Each entry carries its own version's definition, key included.
    const q7 = (definition: TActivity) => definition.questions.find((q) => q.id === "q7") as Extract<TActivity["questions"][number], { type: "choice" }>;
    expect(q7(results[0]!.definition)).toMatchObject({ prompt: oldPrompt, answer: ["a"] });
    expect(q7(results[1]!.definition)).toMatchObject({ prompt: newPrompt, answer: ["e"] });
  });

  it("item analysis lists the quiz twice, as version 1 with 2 respondents and version 2 with 1", () => {
    expect(after.activities.map((a) => [a.activityId, a.respondents])).toEqual([
      [`${quizId}@1`, 2],
      [`${quizId}@2`, 1],
    ]);
    expect(after.activities.map((a) => a.href)).toEqual([`/learn/september-2023/activities/${QUIZ}`, `/learn/september-2023/activities/${QUIZ}`]);
  });

  it("item analysis titles the two entries “(version 1)” and “(version 2)”, as the page's headings", () => {
    expect(after.activities.map((a) => a.title)).toEqual([`${TITLE} (version 1)`, `${TITLE} (version 2)`]);
  });

  it("the changed question's answers are tallied against each version's own prompt, options and key", () => {
    const [v1, v2] = after.activities as [TEntry, TEntry];
    const q7v1 = choice(v1, "q7");
    expect(q7v1.prompt).toBe(oldPrompt);
    expect(q7v1.options.map((o) => o.id)).toEqual(["a", "b", "c", "d"]);
    expect(counts(v1, "q7")).toEqual({ a: 1, b: 0, c: 0, d: 1 });
    expect(q7v1.options.filter((o) => o.correct).map((o) => o.id)).toEqual(["a"]);
    expect(q7v1).toMatchObject({ answered: 2, meanScore: 0.5 });

    const q7v2 = choice(v2, "q7");
    expect(q7v2.prompt).toBe(newPrompt);
    expect(q7v2.options.map((o) => o.id)).toEqual(["a", "b", "c", "e"]);
    expect(q7v2.options.find((o) => o.id === "e")).toMatchObject({ text: V2_OPTION.text, count: 1, share: 1, correct: true });
    expect(q7v2.options.filter((o) => o.correct).map((o) => o.id)).toEqual(["e"]);
    expect(q7v2).toMatchObject({ answered: 1, meanScore: 1 });

    // The option only version 2 has appears only in the version-2 entry, and the one it replaced only in version 1.
    expect(q7v1.options.some((o) => o.id === "e")).toBe(false);
    expect(q7v2.options.some((o) => o.id === "d")).toBe(false);
    // Unchanged questions look alike in both, each counting its own students.
    expect(choice(v1, "q8").prompt).toBe(choice(v2, "q8").prompt);
    expect(v1.questions.find((q) => q.id === "q2")).toMatchObject({ answered: 2 });
    expect(v2.questions.find((q) => q.id === "q2")).toMatchObject({ answered: 1 });
    expect(after.sourceTitles[SCEEUS]).toBeTruthy();
  });

  it("the evidence heatmap still shows each article once, with every student once and the key passages not doubled", async () => {
    const articles = await getEvidenceHeatmap(teacher, classId);
    expect(articles.map((a) => a.slug).sort()).toEqual(["gdc-2023-weak-russia", "nee-2023-final-battle", SCEEUS].sort());
    const sceeus = articles.find((a) => a.slug === SCEEUS)!;
    expect(sceeus.keyRanges).toHaveLength(4);
    expect(sceeus.groups.reduce((n, g) => n + g.students, 0)).toBe(3);
    expect(sceeus.groups.find((g) => g.key === "correct")?.students).toBe(1);
    expect(Math.max(...sceeus.groups.flatMap((g) => g.runs.map((r) => r.count)))).toBe(2);
  });

  it("a version-1 student's work shows their attempt with version 1's prompt and options, the late student's with version 2's", async () => {
    const work = await getStudentWork(teacher, classId, early[1]!.id);
    const item = work.items.find((i) => i.title === TITLE)!;
    const activity = item.activities[0]!;
    // The activity as it is now…
    expect(publicPrompt(activity.definition, "q7")).toBe(newPrompt);
    // …and the attempt as the student saw it.
    expect(activity.attempts).toHaveLength(1);
    const attempt = activity.attempts[0]!;
    expect(attempt).toMatchObject({ activityVersion: 1, status: "SUBMITTED" });
    expect(publicPrompt(attempt.definition, "q7")).toBe(oldPrompt);
    expect(publicOptionIds(attempt.definition, "q7")).toEqual(["a", "b", "c", "d"]);
    // The public definition never carries the key.
    expect(JSON.stringify(attempt.definition)).not.toContain('"answer"');

    const lateWork = await getStudentWork(teacher, classId, late.id);
    const lateAttempt = lateWork.items.find((i) => i.title === TITLE)!.activities[0]!.attempts[0]!;
    expect(lateAttempt.activityVersion).toBe(2);
    expect(publicPrompt(lateAttempt.definition, "q7")).toBe(newPrompt);
    expect(publicOptionIds(lateAttempt.definition, "q7")).toEqual(["a", "b", "c", "e"]);
  });
});
