import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getActivityForLearner } from "@/lib/attempts/queries";
import { restartStalePreview, startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { saveActivity } from "@/lib/authoring/activities";
import { updateLesson } from "@/lib/authoring/lessons";
import { getActivityForEdit, getLessonForEdit, getSourceForEdit } from "@/lib/authoring/queries";
import { addSourceQuestions } from "@/lib/authoring/source-questions";
import { createSource, updateSource } from "@/lib/authoring/sources";
import { FieldsError } from "@/lib/errors";
import { createUser, db } from "./helpers";

async function fieldsOf(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = await call.then(() => new Error("not refused"), (e: unknown) => e);
  expect(error).toBeInstanceOf(FieldsError);
  return (error as FieldsError).fields;
}

describe("two tabs, two admins: a save based on an older state is refused and nothing is overwritten", () => {
  it("an activity saved from a stale tab does not undo the newer version", async () => {
    const admin = await createUser("ADMIN");
    const opened = await getActivityForEdit(admin, "statement-2020-quiz");
    // Tab A saves first.
    const first = await saveActivity(admin, opened.slug, opened.yaml.replace(/^title: .*$/m, 'title: "Tab A title"'), "Tab A", opened.version);
    expect(first).toMatchObject({ changed: true, version: opened.version + 1 });
    // Tab B, opened at the same time, saves its own change on the old version: refused, naming both versions.
    const fields = await fieldsOf(saveActivity(admin, opened.slug, opened.yaml.replace(/^intro: .*$/m, "intro: Tab B intro"), "Tab B", opened.version));
    expect(fields.yaml).toContain(`Version ${opened.version + 1} was saved after you opened version ${opened.version}`);
    const now = await getActivityForEdit(admin, opened.slug);
    expect(now.version).toBe(opened.version + 1);
    expect(now.title).toBe("Tab A title");
  });

  it("a lesson saved from a stale tab is refused", async () => {
    const admin = await createUser("ADMIN");
    const lesson = await db.lesson.findFirstOrThrow({ select: { id: true } });
    const opened = await getLessonForEdit(admin, lesson.id);
    const form = { title: opened.title, summary: opened.summary, minutes: String(opened.minutes), body: opened.body };
    await updateLesson(admin, lesson.id, { ...form, body: `${opened.body}\n\nAdded in tab A.` }, opened.updatedAt.toISOString());
    const fields = await fieldsOf(updateLesson(admin, lesson.id, { ...form, title: "Tab B" }, opened.updatedAt.toISOString()));
    expect(fields.body).toMatch(/Someone saved this lesson after you opened it/);
    const now = await getLessonForEdit(admin, lesson.id);
    expect(now.title).toBe(opened.title);
    expect(now.body).toContain("Added in tab A.");
  });

  it("a source saved from a stale tab is refused", async () => {
    const admin = await createUser("ADMIN");
    const opened = await getSourceForEdit(admin, "avim-2021-one-year-after");
    await updateSource(admin, opened.slug, { ...opened.form, dateNote: "Tab A" }, opened.updatedAt);
    await fieldsOf(updateSource(admin, opened.slug, { ...opened.form, dateNote: "Tab B" }, opened.updatedAt));
    expect((await getSourceForEdit(admin, opened.slug)).form.dateNote).toBe("Tab A");
  });
});

describe("an admin's previews are not learners' work", () => {
  it("previewing a new quiz does not freeze its source's text, and a preview follows the admin's edits", async () => {
    const admin = await createUser("ADMIN");
    const slug = `it-preview-${randomBytes(3).toString("hex")}`;
    const body = "The first sentence of the test text. The second sentence of it.\n\nA second paragraph, for good measure.";
    await createSource(admin, {
      slug, title: "A preview test", authors: "Jane Doe — Example News", bylineNote: "", outletName: "Example News",
      outletKind: "News agency", outletUrl: "", publishedAt: "2024-01-02", dateNote: "", url: "", urlNote: "", genre: "news-report",
      stanceStatement: "", voice: "unknown", voiceNote: "", rights: "Written for the tests", body,
    });
    const quiz = await addSourceQuestions(admin, {
      sourceSlug: slug, moduleSlug: "september-2023", target: "new", activityTitle: "",
      passages: ["The first sentence of the test text."],
      evidence: { label: "what it says first", explanation: "It is the first sentence." },
      axes: [{ axis: "stance", answer: "reporting", explanation: "It reports.", cites: [0] }],
    });

    // The admin opens the draft quiz as learners will see it: that makes an attempt of the admin's own.
    await startOrResumeAttempt(admin, quiz.slug);
    const { form } = await getSourceForEdit(admin, slug);
    await updateSource(admin, slug, { ...form, body: `${body}\n\nA third paragraph added after previewing.` });
    expect((await getSourceForEdit(admin, slug)).body).toContain("A third paragraph");

    // After an edit, the preview shows the new version instead of the old open attempt.
    const edit = await getActivityForEdit(admin, quiz.slug);
    await saveActivity(admin, quiz.slug, edit.yaml.replace(/^title: .*$/m, 'title: "Renamed in version 2"'), "Renamed");
    expect((await getActivityForLearner(admin, quiz.slug)).activity.olderVersion).toEqual({ shown: 1, current: 2 });
    await restartStalePreview(admin, quiz.slug);
    const after = await getActivityForLearner(admin, quiz.slug);
    expect(after.activity.olderVersion).toBeNull();
    expect(after.open).not.toBeNull();
  });

  it("a learner's open attempt is never restarted by an edit", async () => {
    const [admin, student] = await Promise.all([createUser("ADMIN"), createUser("STUDENT")]);
    const attemptId = await startOrResumeAttempt(student, "war-2020-quiz");
    const edit = await getActivityForEdit(admin, "war-2020-quiz");
    await saveActivity(admin, "war-2020-quiz", edit.yaml.replace(/^title: .*$/m, 'title: "Quiz: revised"'), "Revised");
    await restartStalePreview(student, "war-2020-quiz");
    const view = await getActivityForLearner(student, "war-2020-quiz");
    expect(view.open?.id).toBe(attemptId);
    expect(view.activity.olderVersion).toEqual({ shown: edit.version, current: edit.version + 1 });
  });
});
