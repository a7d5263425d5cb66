import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { getActivityForLearner } from "@/lib/attempts/queries";
import { saveAnswer } from "@/lib/attempts/save-answer";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import type { TCurrentUser } from "@/lib/auth/session";
import { saveActivity, setActivityStatus } from "@/lib/authoring/activities";
import { createLesson, setLessonStatus } from "@/lib/authoring/lessons";
import { getActivityForEdit, getModuleForEdit, getSourceForEdit } from "@/lib/authoring/queries";
import { ZBuilderInput } from "@/lib/authoring/question-builder";
import type { TSourceForm } from "@/lib/authoring/source-form";
import { addSourceQuestions } from "@/lib/authoring/source-questions";
import { createSource, setSourceStatus, updateSource } from "@/lib/authoring/sources";
import type { TActivity } from "@/lib/content/activity-schema";
import type { TPublicActivity } from "@/lib/content/public-activity";
import { AppError, FieldsError } from "@/lib/errors";
import type { TActivityResult } from "@/lib/grading/feedback";
import { getLessonContent, getModuleForLearner, getSourceForLearner, listSources } from "@/lib/learning/queries";
import { createUser, db } from "./helpers";

const QUIZ = "september-2023-quiz";
const MODULE = "september-2023";
const SCEEUS = "sceeus-2023-anti-terrorist";
/** q1 of the quiz, every axis labelled as its key says. */
const Q1_RIGHT = { axes: { genre: "brief-analysis", stance: "reporting", "source-kind": "research-centre" } };

/** The error a call was refused with (or a plain Error saying it was not refused). */
function refusal(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => new Error("the call was not refused"),
    (error: unknown) => error,
  );
}

async function fieldsError(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = await refusal(call);
  expect(error).toBeInstanceOf(FieldsError);
  return (error as FieldsError).fields;
}

const questionOf = (result: TActivityResult, id: string) => result.questions.find((q) => q.id === id)!;
const promptOf = (definition: TPublicActivity, id: string) => definition.questions.find((q) => q.id === id)!.prompt;

/** Answers q1 and q7 the way the seeded key (version 1) calls right, then submits. */
async function answerRightAndSubmit(user: TCurrentUser, attemptId: string) {
  await saveAnswer(user, { attemptId, questionId: "q1", value: Q1_RIGHT, answeredAt: new Date() });
  await saveAnswer(user, { attemptId, questionId: "q7", value: { selected: ["a"] }, answeredAt: new Date() });
  return submitAttempt(user, { attemptId, answers: [] });
}

function sourceForm(slug: string, body: string): TSourceForm {
  return {
    slug,
    title: `A test report ${slug}`,
    authors: "Jane Doe — Example News Agency",
    bylineNote: "",
    outletName: "Example News",
    outletKind: "International news agency",
    outletUrl: "https://example.org",
    publishedAt: "2023-09-21",
    dateNote: "",
    url: "https://example.org/report",
    urlNote: "",
    genre: "news-report",
    stanceStatement: "",
    voice: "other-country",
    voiceNote: "",
    rights: "Written for the tests",
    body,
  };
}

describe("authoring: activity versions", () => {
  it("an edited key makes version 2: earlier attempts keep version 1 and their score, new attempts are graded by the new key", async () => {
    const admin = await createUser("ADMIN");
    const student = await createUser("STUDENT");
    const latecomer = await createUser("STUDENT");
    const quiz = await db.activity.findUniqueOrThrow({ where: { slug: QUIZ }, select: { id: true, version: true } });
    expect(quiz.version).toBe(1);
    // The seeded demo accounts have attempts of their own.
    const seededAttempts = await db.attempt.count({ where: { activityId: quiz.id } });

    // Opening the seeded quiz and saving it untouched makes no version.
    const untouched = await saveActivity(admin, QUIZ, (await getActivityForEdit(admin, QUIZ)).yaml, "Opened and saved");
    expect(untouched).toMatchObject({ version: 1, changed: false });

    // A student's attempt on version 1: q1 and q7 right, the rest unanswered.
    const first = await startOrResumeAttempt(student, QUIZ);
    const firstResult = await answerRightAndSubmit(student, first);
    expect(questionOf(firstResult, "q1").fraction).toBe(1);
    expect(questionOf(firstResult, "q7")).toMatchObject({ fraction: 1, points: 1 });
    expect(firstResult.score).toBe(2);

    // Another student is half-way through version 1 when the edit lands.
    const open = await startOrResumeAttempt(latecomer, QUIZ);
    await saveAnswer(latecomer, { attemptId: open, questionId: "q7", value: { selected: ["a"] }, answeredAt: new Date() });

    // The admin changes q7's key (and its prompt, which learners see) in the YAML.
    const edit = await getActivityForEdit(admin, QUIZ);
    const definition = parseYaml(edit.yaml) as TActivity;
    const q7 = definition.questions.find((q) => q.id === "q7");
    if (!q7 || q7.type !== "choice") throw new Error("the seeded quiz needs a choice question q7");
    const oldPrompt = q7.prompt;
    const newPrompt = `${oldPrompt} (revised)`;
    expect(q7.answer).toEqual(["a"]);
    q7.answer = ["b"];
    q7.prompt = newPrompt;
    const NOTE = "Corrected the key of question 7";
    expect(await saveActivity(admin, QUIZ, stringifyYaml(definition), NOTE)).toMatchObject({ version: 2, changed: true });

    const versions = await db.activityVersion.findMany({
      where: { activityId: quiz.id },
      orderBy: { version: "asc" },
      select: { version: true, createdById: true, createdByName: true, note: true },
    });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.createdByName).not.toContain(admin.name);
    expect(versions[1]).toMatchObject({ createdById: admin.id, createdByName: expect.stringContaining(admin.name), note: NOTE });
    const history = await getActivityForEdit(admin, QUIZ);
    expect(history.version).toBe(2);
    // Newest first, with how many attempts each version has: the submitted one and the open one are on 1.
    expect(history.versions.map((v) => [v.version, v.attempts, v.note])).toEqual([
      [2, 0, NOTE],
      [1, seededAttempts + 2, expect.any(String)],
    ]);

    // The earlier attempt keeps its version, its score, and shows version 1's questions and key.
    expect(await db.attempt.findUniqueOrThrow({ where: { id: first }, select: { activityVersion: true, score: true, status: true } })).toEqual({
      activityVersion: 1,
      score: firstResult.score,
      status: "SUBMITTED",
    });
    const review = await getActivityForLearner(student, QUIZ, 1);
    expect(review.activity.olderVersion).toEqual({ shown: 1, current: 2 });
    expect(promptOf(review.activity.definition, "q7")).toBe(oldPrompt);
    expect(review.viewed?.result?.score).toBe(firstResult.score);
    expect(questionOf(review.viewed!.result!, "q7").feedback).toMatchObject({ correctAnswer: ["a"] });

    // A new attempt is on version 2, shows its questions, and the same answers now score one point less.
    const second = await startOrResumeAttempt(student, QUIZ);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: second }, select: { activityVersion: true } })).activityVersion).toBe(2);
    const playing = await getActivityForLearner(student, QUIZ);
    expect(playing.open?.id).toBe(second);
    expect(playing.activity.olderVersion).toBeNull();
    expect(promptOf(playing.activity.definition, "q7")).toBe(newPrompt);
    const secondResult = await answerRightAndSubmit(student, second);
    expect(questionOf(secondResult, "q7")).toMatchObject({ fraction: 0, points: 0 });
    expect(questionOf(secondResult, "q7").feedback).toMatchObject({ correctAnswer: ["b"] });
    expect(secondResult.score).toBe(firstResult.score - 1);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: first }, select: { score: true } })).score).toBe(firstResult.score);

    // The attempt started before the edit still shows version 1 and is graded by its key.
    const resumed = await getActivityForLearner(latecomer, QUIZ);
    expect(resumed.open?.id).toBe(open);
    expect(resumed.activity.olderVersion).toEqual({ shown: 1, current: 2 });
    expect(promptOf(resumed.activity.definition, "q7")).toBe(oldPrompt);
    const lateResult = await submitAttempt(latecomer, { attemptId: open, answers: [] });
    expect(questionOf(lateResult, "q7")).toMatchObject({ fraction: 1, points: 1 });
    expect(questionOf(lateResult, "q7").feedback).toMatchObject({ correctAnswer: ["a"] });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: open }, select: { activityVersion: true, score: true } })).activityVersion).toBe(1);

    // Saving the same YAML again makes no version and no audit event.
    const eventsBefore = await db.auditEvent.count({ where: { targetId: quiz.id } });
    expect(await saveActivity(admin, QUIZ, history.yaml, "Saved again")).toMatchObject({ version: 2, changed: false });
    expect(await db.activityVersion.count({ where: { activityId: quiz.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { targetId: quiz.id } })).toBe(eventsBefore);

    // The edit is audited once, with the versions and the keys before and after.
    const events = await db.auditEvent.findMany({ where: { action: "activity.version", targetId: quiz.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, targetType: "Activity", before: { version: 1 }, after: { version: 2 } });
    const keyOf = (json: unknown) => (json as { definition: TActivity }).definition.questions.find((q) => q.id === "q7");
    expect(keyOf(events[0]!.before)).toMatchObject({ answer: ["a"], prompt: oldPrompt });
    expect(keyOf(events[0]!.after)).toMatchObject({ answer: ["b"], prompt: newPrompt });
  });

  it("a YAML mistake is refused naming the field and its line, and nothing changes", async () => {
    const admin = await createUser("ADMIN");
    const { id, version, yaml } = await getActivityForEdit(admin, QUIZ);
    const state = async () => ({
      version: (await db.activity.findUniqueOrThrow({ where: { id }, select: { version: true } })).version,
      versions: await db.activityVersion.count({ where: { activityId: id } }),
      events: await db.auditEvent.count({ where: { targetId: id } }),
    });
    const before = await state();
    expect(before.version).toBe(version);

    // A stance answer that is not one of the axis's options.
    const badAnswer = parseYaml(yaml) as TActivity;
    const q1 = badAnswer.questions[0];
    if (q1?.type !== "perspective" || q1.axes[1]?.axis !== "stance") throw new Error("the quiz starts with a perspective question whose second axis is stance");
    q1.axes[1].answer = "pro-nobody";
    const badAnswerYaml = stringifyYaml(badAnswer);
    const line = badAnswerYaml.split("\n").findIndex((l) => l.trim() === "answer: pro-nobody") + 1;
    expect(line).toBeGreaterThan(1);
    const answerError = (await fieldsError(saveActivity(admin, QUIZ, badAnswerYaml, "Broken"))).yaml;
    expect(answerError).toContain("questions.0.axes.1.answer");
    expect(answerError).toContain(`(line ${line})`);
    expect(answerError).toContain('"pro-nobody" is not an option');

    // A cite quoting words the source does not contain.
    const badQuote = parseYaml(yaml) as TActivity;
    const genre = (badQuote.questions[0] as Extract<TActivity["questions"][number], { type: "perspective" }>).axes[0]!;
    genre.cites[0]!.quote = "A sentence the comment never wrote.";
    const quoteError = (await fieldsError(saveActivity(admin, QUIZ, stringifyYaml(badQuote), "Broken"))).yaml;
    expect(quoteError).toContain("questions.q1.axes.genre.cites.0");
    expect(quoteError).toContain(SCEEUS);
    expect(quoteError).toContain("A sentence the comment never wrote.");

    expect(await state()).toEqual(before);
  });

  it("a YAML syntax error is refused naming its line, and nothing changes", async () => {
    const admin = await createUser("ADMIN");
    const { id, yaml } = await getActivityForEdit(admin, QUIZ);
    const versions = await db.activityVersion.count({ where: { activityId: id } });
    // A second `slug:` key appended as the last line.
    const line = yaml.split("\n").length;
    const syntaxError = (await fieldsError(saveActivity(admin, QUIZ, `${yaml}slug: again\n`, "Broken"))).yaml;
    expect(syntaxError).toMatch(/^YAML/);
    expect(syntaxError).toContain(`(line ${line})`);
    expect(await db.activityVersion.count({ where: { activityId: id } })).toBe(versions);
  });
});

describe("authoring: draft sources and the question builder", () => {
  it("a draft source and its quiz stay hidden from students until both are published, then work end to end", async () => {
    const admin = await createUser("ADMIN");
    const student = await createUser("STUDENT");
    const slug = `it-report-${randomBytes(3).toString("hex")}`;
    const paragraphs = [
      "Officials in the capital said on Monday that talks would resume next week.",
      "The opposition called the plan a surrender and demanded a vote in parliament.",
      "Observers said both sides had reasons to delay.",
    ] as const;
    // Pasted from a web page: CRLF line ends, a paragraph broken over two lines, extra blank lines, a tab.
    const pasted = `  Officials in the capital said on Monday\r\nthat talks would resume next week.\r\n\r\n\r\n${paragraphs[1]}\t\r\n\r\n${paragraphs[2]}\r\n`;

    const created = await createSource(admin, sourceForm(slug, pasted));
    expect(created.slug).toBe(slug);
    const row = await db.source.findUniqueOrThrow({ where: { slug }, select: { status: true, body: true, card: true } });
    expect(row.status).toBe("DRAFT");
    expect(row.body).toBe(paragraphs.join("\n\n"));
    expect(row.card).toMatchObject({ authors: [{ name: "Jane Doe", affiliation: "Example News Agency" }], genre: "news-report" });
    expect(await db.auditEvent.count({ where: { action: "source.create", targetId: created.id, actorId: admin.id } })).toBe(1);

    // Students do not see the draft; the admin does.
    expect((await listSources(student)).map((s) => s.slug)).not.toContain(slug);
    await expect(getSourceForLearner(student, slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listSources(admin)).map((s) => s.slug)).toContain(slug);
    expect(await getSourceForLearner(admin, slug)).toMatchObject({ slug, status: "DRAFT", body: row.body });

    const input = {
      sourceSlug: slug,
      moduleSlug: MODULE,
      target: "new",
      passages: [paragraphs[0], paragraphs[1]],
      evidence: { label: "Each side's view is attributed", explanation: "The report says who holds each view." },
      axes: [{ axis: "stance", answer: "reporting", explanation: "It reports what each side said.", cites: [0, 1] }],
    };

    // A passage that is not in the text is refused, and nothing is created.
    const refused = await fieldsError(addSourceQuestions(admin, ZBuilderInput.parse({ ...input, passages: [paragraphs[0], "Talks collapsed at dawn."] })));
    expect(refused.passages).toContain("Passage 2");
    expect(await db.activity.count({ where: { slug: { startsWith: slug } } })).toBe(0);

    const built = await addSourceQuestions(admin, ZBuilderInput.parse(input));
    expect(built).toMatchObject({ slug: `${slug}-quiz`, version: 1, href: `/learn/${MODULE}/activities/${slug}-quiz` });
    const quiz = await db.activity.findUniqueOrThrow({ where: { slug: built.slug }, select: { status: true, definition: true, module: { select: { slug: true } } } });
    expect(quiz.status).toBe("DRAFT");
    expect(quiz.module.slug).toBe(MODULE);
    const questions = (quiz.definition as TActivity).questions;
    expect(questions.map((q) => [q.id, q.type])).toEqual([
      ["q1", "perspective"],
      ["q2", "evidence"],
    ]);
    expect(questions[1]).toMatchObject({ source: slug, passages: [paragraphs[0], paragraphs[1]] });
    expect((await getModuleForEdit(admin, MODULE)).sources).toContain(slug);

    // Students cannot open the draft quiz, nor see it or the draft source on the module page.
    await expect(startOrResumeAttempt(student, built.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getActivityForLearner(student, built.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const moduleBefore = await getModuleForLearner(student, MODULE);
    expect(moduleBefore.activities.map((a) => a.slug)).not.toContain(built.slug);
    expect(moduleBefore.sources.map((s) => s.slug)).not.toContain(slug);
    expect(await db.attempt.count({ where: { userId: student.id } })).toBe(0);

    // The quiz cannot go live on a text students cannot open.
    await expect(setActivityStatus(admin, built.slug, "PUBLISHED")).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.activity.findUniqueOrThrow({ where: { slug: built.slug }, select: { status: true } })).status).toBe("DRAFT");

    await setSourceStatus(admin, slug, "PUBLISHED");
    await setActivityStatus(admin, built.slug, "PUBLISHED");
    const moduleAfter = await getModuleForLearner(student, MODULE);
    expect(moduleAfter.activities.map((a) => a.slug)).toContain(built.slug);
    expect(moduleAfter.sources.map((s) => s.slug)).toContain(slug);

    const attemptId = await startOrResumeAttempt(student, built.slug);
    const page = await getActivityForLearner(student, built.slug);
    expect(page.open?.id).toBe(attemptId);
    expect(page.sources.map((s) => s.slug)).toEqual([slug]);
    const body = page.sources[0]!.body;
    const ranges = [paragraphs[0], paragraphs[1]].map((p) => [body.indexOf(p), body.indexOf(p) + p.length] as [number, number]);
    await saveAnswer(student, { attemptId, questionId: "q1", value: { axes: { stance: "reporting" } }, answeredAt: new Date() });
    const result = await submitAttempt(student, { attemptId, answers: [{ questionId: "q2", value: { ranges }, answeredAt: new Date() }] });
    expect(result).toMatchObject({ score: 2, maxScore: 2 });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { score: true } })).score).toBe(2);
  });
});

describe("authoring: a source's text once learners have answered on it", () => {
  it("a changed text is refused while a card-only correction is saved and audited", async () => {
    const admin = await createUser("ADMIN");
    const student = await createUser("STUDENT");
    await startOrResumeAttempt(student, QUIZ);
    const { form, usedBy } = await getSourceForEdit(admin, SCEEUS);
    expect(usedBy.find((a) => a.slug === QUIZ)?.attempts).toBeGreaterThan(0);
    const before = await db.source.findUniqueOrThrow({ where: { slug: SCEEUS }, select: { id: true, body: true, card: true } });

    const refused = await fieldsError(updateSource(admin, SCEEUS, { ...form, body: `${form.body}\n\nA paragraph added later.` }));
    expect(refused.body).toMatch(/attempts/);
    expect(await db.source.findUniqueOrThrow({ where: { slug: SCEEUS }, select: { id: true, body: true, card: true } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { targetId: before.id } })).toBe(0);

    const dateNote = "Dated from the events it describes (19 September 2023).";
    await updateSource(admin, SCEEUS, { ...form, dateNote });
    const after = await db.source.findUniqueOrThrow({ where: { slug: SCEEUS }, select: { body: true, card: true } });
    expect(after.body).toBe(before.body);
    expect(after.card).toMatchObject({ dateNote });
    expect((await getSourceForLearner(student, SCEEUS)).card).toMatchObject({ dateNote });
    const events = await db.auditEvent.findMany({ where: { action: "source.update", targetId: before.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      summary: expect.stringContaining("(card)"),
      before: { card: { dateNote: (before.card as { dateNote: string }).dateNote } },
      after: { card: { dateNote } },
    });
  });

  it("a card correction keeps the parts of the card the form does not show (who republished the text)", async () => {
    const admin = await createUser("ADMIN");
    const NEE = "nee-2023-final-battle";
    const before = await db.source.findUniqueOrThrow({ where: { slug: NEE }, select: { card: true } });
    const republishedBy = (before.card as { republishedBy?: unknown }).republishedBy;
    expect(republishedBy).toBeDefined();
    const { form } = await getSourceForEdit(admin, NEE);
    await updateSource(admin, NEE, { ...form, dateNote: "Checked against the magazine's archive." });
    const after = await db.source.findUniqueOrThrow({ where: { slug: NEE }, select: { card: true } });
    expect(after.card).toMatchObject({ dateNote: "Checked against the magazine's archive.", republishedBy });
  });
});

describe("authoring: lessons", () => {
  it("a new lesson is a sanitised draft, seen only in preview until it is published", async () => {
    const admin = await createUser("ADMIN");
    const student = await createUser("STUDENT");
    const slug = `it-lesson-${randomBytes(3).toString("hex")}`;
    const body = [
      "Safe text with a [good link](https://example.org/page).",
      "<script>alert(1)</script>",
      '<img src=x onerror=alert(1)>',
      "[x](javascript:alert(1))",
    ].join("\r\n\r\n");
    const form = { slug, title: "A lesson written in the app", summary: "What the tests check.", minutes: "6", body };
    const { id } = await createLesson(admin, MODULE, form);

    const row = await db.lesson.findUniqueOrThrow({ where: { id }, select: { status: true, minutes: true, body: true, bodyHtml: true } });
    expect(row.status).toBe("DRAFT");
    expect(row.minutes).toBe(6);
    expect(row.body).not.toContain("\r");
    expect(row.bodyHtml).toContain('<a href="https://example.org/page">good link</a>');
    expect(row.bodyHtml).not.toMatch(/<script/i);
    expect(row.bodyHtml).not.toMatch(/onerror/i);
    expect(row.bodyHtml).not.toMatch(/javascript:/i);

    await expect(getLessonContent(MODULE, slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getLessonContent(MODULE, slug, true)).toMatchObject({ slug, title: form.title, bodyHtml: row.bodyHtml });
    expect((await getModuleForLearner(student, MODULE)).lessons.map((l) => l.slug)).not.toContain(slug);

    await setLessonStatus(admin, id, "PUBLISHED");
    expect(await getLessonContent(MODULE, slug)).toMatchObject({ slug, title: form.title });
    expect((await getModuleForLearner(student, MODULE)).lessons.map((l) => l.slug)).toContain(slug);
    expect(await db.auditEvent.count({ where: { targetId: id, action: { in: ["lesson.create", "lesson.publish"] } } })).toBe(2);
  });

  it("a reading time that is not a number is refused on that field, and no lesson is made", async () => {
    const admin = await createUser("ADMIN");
    const lessons = await db.lesson.count();
    const slug = `it-lesson-${randomBytes(3).toString("hex")}`;
    const fields = await fieldsError(createLesson(admin, MODULE, { slug, title: "Bad minutes", summary: "x", minutes: "abc", body: "Text." }));
    expect(Object.keys(fields)).toEqual(["minutes"]);
    expect(await db.lesson.count()).toBe(lessons);
    // Refused as an AppError the form shows, not a crash.
    await expect(createLesson(admin, MODULE, { slug, title: "Bad minutes", summary: "x", minutes: "abc", body: "Text." })).rejects.toBeInstanceOf(AppError);
  });
});
