import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAssignment, deleteAssignment } from "@/lib/assignments/mutations";
import { getAssignedWork } from "@/lib/assignments/queries";
import type { TCurrentUser } from "@/lib/auth/session";
import { setActivityStatus } from "@/lib/authoring/activities";
import { createModule, setModuleStatus } from "@/lib/authoring/modules";
import { ZBuilderInput } from "@/lib/authoring/question-builder";
import { addSourceQuestions } from "@/lib/authoring/source-questions";
import { createSource, setSourceStatus } from "@/lib/authoring/sources";
import { createClass, joinClassByCode } from "@/lib/classes/mutations";
import { AppError } from "@/lib/errors";
import { createUser, db } from "./helpers";

const local = (d: Date) => d.toISOString().slice(0, 16);
const days = (n: number) => new Date(Date.now() + n * 86_400_000);
const BODY = "The first sentence of the test text. The second sentence of it.\n\nA second paragraph, for good measure.";

/** A published module of its own with one published quiz, so no other test's content is touched. */
async function publishedModuleWithQuiz(admin: TCurrentUser) {
  const tag = randomBytes(3).toString("hex");
  const moduleSlug = `it-unpublish-${tag}`;
  await createModule(admin, { slug: moduleSlug, title: `Unpublish test ${tag}`, summary: "A module for the unpublish tests." });
  const sourceSlug = `it-unpublish-source-${tag}`;
  await createSource(admin, {
    slug: sourceSlug, title: `A test report ${tag}`, authors: "Jane Doe — Example News", bylineNote: "", outletName: "Example News",
    outletKind: "News agency", outletUrl: "", publishedAt: "2024-01-02", dateNote: "", url: "", urlNote: "", genre: "news-report",
    stanceStatement: "", voice: "unknown", voiceNote: "", rights: "Written for the tests", body: BODY,
  });
  const quiz = await addSourceQuestions(admin, ZBuilderInput.parse({
    sourceSlug, moduleSlug, target: "new", activityTitle: "",
    passages: ["The first sentence of the test text."],
    evidence: { label: "what it says first", explanation: "It is the first sentence." },
    axes: [{ axis: "stance", answer: "reporting", explanation: "It reports.", cites: [0] }],
  }));
  await setSourceStatus(admin, sourceSlug, "PUBLISHED");
  await setModuleStatus(admin, moduleSlug, "PUBLISHED");
  await setActivityStatus(admin, quiz.slug, "PUBLISHED");
  const ids = await db.activity.findUniqueOrThrow({ where: { slug: quiz.slug }, select: { id: true, title: true, moduleId: true } });
  return { moduleSlug, quizSlug: quiz.slug, quizId: ids.id, quizTitle: ids.title, moduleId: ids.moduleId };
}

/** A class with one pupil; its name is unique so the refusal's message can be checked exactly. */
async function classWithPupil(name: string) {
  const teacher = await createUser("INSTRUCTOR");
  const pupil = await createUser("STUDENT");
  const { id: classId } = await createClass(teacher, { name, term: "Autumn" });
  const { joinCode } = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
  await joinClassByCode(pupil, joinCode!);
  return { teacher, pupil, classId };
}

function assign(teacher: TCurrentUser, classId: string, target: string, opensIn = -1, dueIn = 7) {
  return createAssignment(teacher, { classId, target, opensAt: local(days(opensIn)), dueAt: local(days(dueIn)), timeZone: "UTC", feedback: "IMMEDIATE" });
}

async function refusal(call: Promise<unknown>) {
  const error = await call.then(() => new Error("the unpublish was not refused"), (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "CONFLICT" });
  return (error as AppError).message;
}

const statusOf = async (slug: string) => (await db.activity.findUniqueOrThrow({ where: { slug }, select: { status: true } })).status;
const moduleStatusOf = async (slug: string) => (await db.module.findUniqueOrThrow({ where: { slug }, select: { status: true } })).status;
const unpublishAudits = (targetId: string) => db.auditEvent.count({ where: { targetId, action: { endsWith: ".unpublish" } } });

describe("unpublishing content that classes have been set", () => {
  it("an assigned activity stays published, the admin is told which classes (names and count), and the pupil's work still opens", async () => {
    const admin = await createUser("ADMIN");
    const quiz = await publishedModuleWithQuiz(admin);
    const tag = randomBytes(3).toString("hex");
    const a = await classWithPupil(`8A ${tag}`);
    const b = await classWithPupil(`7C ${tag}`);
    await assign(a.teacher, a.classId, `activity:${quiz.quizId}`);
    // A closed assignment counts too: its pupils still review the attempt from their list.
    await assign(b.teacher, b.classId, `activity:${quiz.quizId}`, -5, -1);

    const message = await refusal(setActivityStatus(admin, quiz.quizSlug, "DRAFT"));
    expect(message).toBe(
      `“${quiz.quizTitle}” is assigned to 2 classes: “7C ${tag}” (Autumn), “8A ${tag}” (Autumn). Pupils would be left with work they cannot open: ask their teachers to remove the assignment first.`,
    );
    expect(message).not.toContain(a.teacher.email!);
    expect(await statusOf(quiz.quizSlug)).toBe("PUBLISHED");
    expect(await unpublishAudits(quiz.quizId)).toBe(0);
    expect((await getAssignedWork(a.pupil)).map((w) => w.title)).toEqual([quiz.quizTitle]);

    // Its module cannot be unpublished either: the activity would 404 with it.
    const moduleMessage = await refusal(setModuleStatus(admin, quiz.moduleSlug, "DRAFT"));
    expect(moduleMessage).toMatch(/^The module “Unpublish test [0-9a-f]+” is assigned to 2 classes: /);
    expect(await moduleStatusOf(quiz.moduleSlug)).toBe("PUBLISHED");
    expect(await unpublishAudits(quiz.moduleId)).toBe(0);
  });

  it("once the teachers remove the assignment, the activity is unpublished and audited", async () => {
    const admin = await createUser("ADMIN");
    const quiz = await publishedModuleWithQuiz(admin);
    const { teacher, classId, pupil } = await classWithPupil(`9B ${randomBytes(3).toString("hex")}`);
    const { id } = await assign(teacher, classId, `activity:${quiz.quizId}`);
    await refusal(setActivityStatus(admin, quiz.quizSlug, "DRAFT"));

    await deleteAssignment(teacher, id);
    await setActivityStatus(admin, quiz.quizSlug, "DRAFT");
    expect(await statusOf(quiz.quizSlug)).toBe("DRAFT");
    expect(await db.auditEvent.findFirst({ where: { targetId: quiz.quizId, action: "activity.unpublish" }, select: { actorId: true } })).toMatchObject({ actorId: admin.id });
    expect(await getAssignedWork(pupil)).toEqual([]);
    // And a teacher can no longer set it.
    await expect(assign(teacher, classId, `activity:${quiz.quizId}`)).rejects.toMatchObject({ code: "INVALID" });
  });

  it("an assigned module stays published until its assignment is removed", async () => {
    const admin = await createUser("ADMIN");
    const quiz = await publishedModuleWithQuiz(admin);
    const name = `10D ${randomBytes(3).toString("hex")}`;
    const { teacher, classId } = await classWithPupil(name);
    const { id } = await assign(teacher, classId, `module:${quiz.moduleId}`);

    const message = await refusal(setModuleStatus(admin, quiz.moduleSlug, "DRAFT"));
    expect(message).toContain(`is assigned to 1 class: “${name}” (Autumn).`);
    expect(await moduleStatusOf(quiz.moduleSlug)).toBe("PUBLISHED");
    // The activity alone is not assigned: a module assignment covers only its published activities.
    await setActivityStatus(admin, quiz.quizSlug, "DRAFT");
    await setActivityStatus(admin, quiz.quizSlug, "PUBLISHED");

    await deleteAssignment(teacher, id);
    await setModuleStatus(admin, quiz.moduleSlug, "DRAFT");
    expect(await moduleStatusOf(quiz.moduleSlug)).toBe("DRAFT");
    expect(await unpublishAudits(quiz.moduleId)).toBe(1);
  });

  it("an assignment made at the same moment as an unpublish never leaves pupils with a draft", async () => {
    const admin = await createUser("ADMIN");
    const quiz = await publishedModuleWithQuiz(admin);
    const { teacher, classId } = await classWithPupil(`11E ${randomBytes(3).toString("hex")}`);
    for (let round = 0; round < 8; round++) {
      await Promise.allSettled([assign(teacher, classId, `activity:${quiz.quizId}`), setActivityStatus(admin, quiz.quizSlug, "DRAFT")]);
      const assigned = await db.assignment.count({ where: { activityId: quiz.quizId } });
      const status = await statusOf(quiz.quizSlug);
      // One of the two won: either it is still published (and assigned), or it is a draft nobody was set.
      expect(status === "PUBLISHED" || assigned === 0).toBe(true);
      await db.assignment.deleteMany({ where: { activityId: quiz.quizId } });
      if (status === "DRAFT") await setActivityStatus(admin, quiz.quizSlug, "PUBLISHED");
    }
  });
});
