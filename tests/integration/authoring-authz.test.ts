import { createHash, randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { findActiveUser } from "@/lib/auth/active-user";
import type { TCurrentUser } from "@/lib/auth/session";
import * as access from "@/lib/authoring/access";
import * as activities from "@/lib/authoring/activities";
import * as activityYaml from "@/lib/authoring/activity-yaml";
import * as assignedContent from "@/lib/authoring/assigned-content";
import * as coverage from "@/lib/authoring/coverage";
import * as exportCourse from "@/lib/authoring/export-course";
import * as importCourse from "@/lib/authoring/import-course";
import * as lessons from "@/lib/authoring/lessons";
import * as modules from "@/lib/authoring/modules";
import * as queries from "@/lib/authoring/queries";
import * as questionBuilder from "@/lib/authoring/question-builder";
import * as sourceForm from "@/lib/authoring/source-form";
import * as sourceQuestions from "@/lib/authoring/source-questions";
import * as sources from "@/lib/authoring/sources";
import * as transfer from "@/lib/authoring/transfer";
import type { TActivity } from "@/lib/content/activity-schema";
import { AppError } from "@/lib/errors";
import { setUserRole } from "@/lib/users/mutations";
import { createUser, db } from "./helpers";

const QUIZ = "september-2023-quiz";
const MODULE = "september-2023";
const SCEEUS = "sceeus-2023-anti-terrorist";
/** A module and quiz that the demo class is not set, so that an admin may unpublish them. */
const UNASSIGNED_MODULE = "statement-2020";
const UNASSIGNED_QUIZ = "statement-2020-quiz";

/** Every file of lib/authoring, so that a new file (and whatever it exports) is checked below too. */
const LIB: Record<string, Record<string, unknown>> = {
  "access.ts": access,
  "activities.ts": activities,
  "activity-yaml.ts": activityYaml,
  "assigned-content.ts": assignedContent,
  "coverage.ts": coverage,
  "export-course.ts": exportCourse,
  "import-course.ts": importCourse,
  "lessons.ts": lessons,
  "modules.ts": modules,
  "queries.ts": queries,
  "question-builder.ts": questionBuilder,
  "source-form.ts": sourceForm,
  "source-questions.ts": sourceQuestions,
  "sources.ts": sources,
  "transfer.ts": transfer,
};

/**
 * Exported functions that are not admin actions, with the reason: they take no actor (pure helpers, or a
 * transaction first and run inside an action that has already checked its caller), or they are the check.
 */
const NOT_ACTIONS: Record<string, string> = {
  assertAdmin: "the check itself",
  authorOf: "formats the author of a version; takes an actor but reads and writes nothing",
  saveActivityTx: "takes a transaction first; runs inside saveActivity and addSourceQuestions (and checks the actor too)",
  createActivityTx: "takes a transaction first; runs inside createActivity and addSourceQuestions (and checks the actor too)",
  addSourceToModule: "takes a transaction first and no actor; runs inside addSourceQuestions",
  lockForStatusChange: "takes a transaction first and no actor; runs inside setModuleStatus and setActivityStatus",
  refuseIfAssigned: "takes a transaction first and no actor; runs inside setModuleStatus and setActivityStatus",
  activityToYaml: "pure",
  parseActivityYaml: "pure",
  sideOf: "pure",
  computeCoverage: "pure",
  readCourseFromDb: "takes a database client; the admin calls it through transfer.ts",
  courseToFiles: "pure",
  writeCourseFiles: "writes files for `npm run content`",
  exportCourseZip: "takes a database client; the admin calls it through exportCourseForAdmin",
  readCourseFromZip: "reads a zip, writes nothing to the database",
  buildSourceQuestions: "pure",
  newSourceQuiz: "pure",
  parseAuthors: "pure",
  formatAuthors: "pure",
  normalizeBody: "pure",
  toSource: "pure",
};
/** Of those, the ones that do take an actor first. */
const ACTOR_HELPERS = ["assertAdmin", "authorOf"];

function sourceFormFor(slug: string): sourceForm.TSourceForm {
  return {
    slug,
    title: `A test report ${slug}`,
    authors: "Jane Doe — Example News Agency",
    bylineNote: "",
    outletName: "Example News",
    outletKind: "International news agency",
    outletUrl: "https://example.org",
    publishedAt: "2023-09-22",
    dateNote: "",
    url: "https://example.org/report",
    urlNote: "",
    genre: "news-report",
    stanceStatement: "",
    voice: "other-country",
    voiceNote: "",
    rights: "Written for the tests",
    body: "Officials said talks would resume.\n\nThe opposition called the plan a surrender.",
  };
}

type TWorld = Awaited<ReturnType<typeof buildWorld>>;

/** An admin, a student and an instructor, and valid arguments for every authoring call. */
async function buildWorld() {
  const [admin, student, instructor] = await Promise.all([createUser("ADMIN"), createUser("STUDENT"), createUser("INSTRUCTOR")]);
  const tag = randomBytes(3).toString("hex");
  const draftSource = `it-authz-draft-${tag}`;
  await sources.createSource(admin, sourceFormFor(draftSource));
  const lesson = await db.lesson.findFirstOrThrow({
    where: { module: { slug: MODULE } },
    orderBy: { order: "asc" },
    select: { id: true, title: true, summary: true, minutes: true, body: true },
  });
  const quiz = await queries.getActivityForEdit(admin, QUIZ);
  const definition = parseYaml(quiz.yaml) as TActivity;
  const changedYaml = stringifyYaml({ ...definition, title: `${definition.title} (edited)` });
  const copy: TActivity = { ...definition, slug: `it-authz-object-${tag}`, title: "A copy made from an object" };
  const copyYaml = stringifyYaml({ ...definition, slug: `it-authz-yaml-${tag}`, title: "A copy made from YAML" });
  const mod = await queries.getModuleForEdit(admin, MODULE);
  const moduleForm: modules.TModuleForm = {
    title: `${mod.title} (edited)`,
    summary: mod.summary,
    timeline: stringifyYaml(mod.timeline),
    keyTerms: stringifyYaml(mod.keyTerms),
    showMap: mod.showMap ? "on" : undefined,
    sources: mod.sources,
  };
  const { form: sceeusForm, body: sceeusBody } = await queries.getSourceForEdit(admin, SCEEUS);
  const passage = "From the Armenian side, the Azerbaijani attack is viewed as an attempt to cleanse Nagorno-Karabakh of ethnic Armenians.";
  expect(sceeusBody).toContain(passage);
  const builder = questionBuilder.ZBuilderInput.parse({
    sourceSlug: SCEEUS,
    moduleSlug: MODULE,
    target: "new",
    passages: [passage],
    evidence: { label: "The Armenian view is attributed", explanation: "It says whose view it is." },
    axes: [{ axis: "stance", answer: "reporting", explanation: "It sets out both sides' views.", cites: [0] }],
  });
  const zip = await exportCourse.exportCourseZip(db);
  return {
    admin,
    student,
    instructor,
    tag,
    draftSource,
    lesson,
    changedYaml,
    copy,
    copyYaml,
    moduleForm,
    sceeusForm: { ...sceeusForm, dateNote: "A corrected date note." },
    builder,
    zip,
  };
}

type TCall = readonly [action: (...args: never[]) => unknown, call: (w: TWorld, actor: TCurrentUser) => Promise<unknown>];

/**
 * Every authoring read and write, with arguments an admin's call succeeds with (checked at the end).
 * A new action in lib/authoring belongs here; the completeness check below fails until it is.
 */
const CALLS: TCall[] = [
  [sources.createSource, (w, u) => sources.createSource(u, sourceFormFor(`it-authz-new-${w.tag}`))],
  [sources.updateSource, (w, u) => sources.updateSource(u, SCEEUS, w.sceeusForm)],
  [sources.setSourceStatus, (w, u) => sources.setSourceStatus(u, w.draftSource, "PUBLISHED")],
  [lessons.createLesson, (w, u) => lessons.createLesson(u, MODULE, { slug: `it-authz-${w.tag}`, title: "Taken over", summary: "x", minutes: "3", body: "Text." })],
  [lessons.updateLesson, (w, u) => lessons.updateLesson(u, w.lesson.id, { ...w.lesson, title: "Taken over", minutes: String(w.lesson.minutes) })],
  [lessons.setLessonStatus, (w, u) => lessons.setLessonStatus(u, w.lesson.id, "DRAFT")],
  [modules.createModule, (w, u) => modules.createModule(u, { slug: `it-authz-module-${w.tag}`, title: "A new module", summary: "Made by the authz test." })],
  [modules.updateModule, (w, u) => modules.updateModule(u, MODULE, w.moduleForm)],
  [modules.setModuleStatus, (_, u) => modules.setModuleStatus(u, UNASSIGNED_MODULE, "DRAFT")],
  [activities.saveActivity, (w, u) => activities.saveActivity(u, QUIZ, w.changedYaml, "Edited")],
  [activities.createActivityFromYaml, (w, u) => activities.createActivityFromYaml(u, MODULE, w.copyYaml)],
  [activities.createActivity, (w, u) => activities.createActivity(u, MODULE, w.copy)],
  [activities.setActivityStatus, (_, u) => activities.setActivityStatus(u, UNASSIGNED_QUIZ, "DRAFT")],
  [sourceQuestions.addSourceQuestions, (w, u) => sourceQuestions.addSourceQuestions(u, w.builder)],
  [transfer.exportCourseForAdmin, (_, u) => transfer.exportCourseForAdmin(u)],
  [transfer.importCourseForAdmin, (w, u) => transfer.importCourseForAdmin(u, w.zip, "course.zip")],
  [transfer.getCoverageReport, (_, u) => transfer.getCoverageReport(u)],
  [queries.getContentOverview, (_, u) => queries.getContentOverview(u)],
  [queries.getSourceForEdit, (_, u) => queries.getSourceForEdit(u, SCEEUS)],
  [queries.getLessonForEdit, (w, u) => queries.getLessonForEdit(u, w.lesson.id)],
  [queries.getModuleForEdit, (_, u) => queries.getModuleForEdit(u, MODULE)],
  [queries.getActivityForEdit, (_, u) => queries.getActivityForEdit(u, QUIZ)],
  [queries.getActivityVersionYaml, (_, u) => queries.getActivityVersionYaml(u, QUIZ, 1)],
  [queries.listModulesWithActivities, (_, u) => queries.listModulesWithActivities(u)],
];
const NAMED = CALLS.map(([action, call]) => [action.name, call] as const);

const digest = (rows: unknown[]) => ({ count: rows.length, hash: createHash("sha256").update(JSON.stringify(rows)).digest("hex") });

/** Counts and a hash of every row authoring can change, ordered by key. */
async function snapshot() {
  const [source, module, lesson, activity, activityVersion, moduleSource, auditEvent] = await Promise.all([
    db.source.findMany({ orderBy: { id: "asc" } }),
    db.module.findMany({ orderBy: { id: "asc" } }),
    db.lesson.findMany({ orderBy: { id: "asc" } }),
    db.activity.findMany({ orderBy: { id: "asc" } }),
    db.activityVersion.findMany({ orderBy: [{ activityId: "asc" }, { version: "asc" }] }),
    db.moduleSource.findMany({ orderBy: [{ moduleId: "asc" }, { sourceId: "asc" }] }),
    db.auditEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return {
    Source: digest(source),
    Module: digest(module),
    Lesson: digest(lesson),
    Activity: digest(activity),
    ActivityVersion: digest(activityVersion),
    ModuleSource: digest(moduleSource),
    AuditEvent: digest(auditEvent),
  };
}

async function refusal(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => new Error("the call was not refused"),
    (error: unknown) => error,
  );
}

/** The name of a function's first parameter, as its source declares it. */
function firstParameter(fn: (...args: never[]) => unknown): string | null {
  return /^[^(]*\(\s*([A-Za-z_$][\w$]*)/.exec(fn.toString())?.[1] ?? null;
}

describe("who may read and change the course", () => {
  let w: TWorld;
  beforeAll(async () => {
    w = await buildWorld();
  });

  it("the table lists every exported lib/authoring function that takes an actor", () => {
    const files = readdirSync(path.join(process.cwd(), "lib/authoring")).filter((f) => f.endsWith(".ts")).sort();
    expect(Object.keys(LIB).sort()).toEqual(files);
    const exported = Object.values(LIB).flatMap((m) =>
      Object.values(m).filter((v): v is (...args: never[]) => unknown => typeof v === "function"),
    );
    const inTable = new Set<unknown>(CALLS.map(([action]) => action));
    expect(inTable.size).toBe(CALLS.length);
    // Every exported function is either in the table or a named helper...
    expect(exported.filter((fn) => !inTable.has(fn) && !(fn.name in NOT_ACTIONS)).map((fn) => fn.name)).toEqual([]);
    // ...no helper takes an actor first except the two that are the check and the author's name...
    const actorFirst = exported.filter((fn) => firstParameter(fn) === "actor").map((fn) => fn.name);
    expect(actorFirst.filter((name) => name in NOT_ACTIONS && !ACTOR_HELPERS.includes(name))).toEqual([]);
    // ...and everything in the table is an exported function taking the actor first.
    expect(CALLS.filter(([action]) => !exported.includes(action) || firstParameter(action) !== "actor").map(([a]) => a.name)).toEqual([]);
    // The helper list names only functions that exist.
    expect(Object.keys(NOT_ACTIONS).filter((name) => !exported.some((fn) => fn.name === name))).toEqual([]);
  });

  for (const role of ["student", "instructor"] as const) {
    it.each(NAMED)(`a ${role} calling %s is refused with FORBIDDEN, and nothing changes`, async (_, call) => {
      const before = await snapshot();
      const error = await refusal(call(w, w[role]));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "FORBIDDEN" });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("the transaction helpers refuse a non-admin too, and write nothing", async () => {
    const before = await snapshot();
    const definition = parseYaml(w.changedYaml) as TActivity;
    for (const actor of [w.student, w.instructor]) {
      await expect(db.$transaction((tx) => activities.saveActivityTx(tx, actor, definition, "Edited"))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(db.$transaction((tx) => activities.createActivityTx(tx, actor, MODULE, w.copy))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an admin demoted to student is refused on their next request", async () => {
    const boss = await createUser("ADMIN");
    const { id } = await createUser("ADMIN");
    const read = async () => {
      // What getCurrentUser does on every request, after reading the session token (uid, sv) from the cookie.
      const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } });
      return { sessionVersion, user: await findActiveUser(id, sessionVersion) };
    };
    const signedIn = await read();
    expect(signedIn.user?.role).toBe("ADMIN");
    await expect(queries.getContentOverview(signedIn.user!)).resolves.toMatchObject({ modules: expect.any(Array) });

    await setUserRole(boss, { userId: id, role: "STUDENT" });
    // The token they hold names an ended session: the app treats the next request as signed out.
    expect(await findActiveUser(id, signedIn.sessionVersion)).toBeNull();
    // Signed in again, they are a student, and every authoring call is refused.
    const again = await read();
    expect(again.sessionVersion).toBeGreaterThan(signedIn.sessionVersion);
    expect(again.user?.role).toBe("STUDENT");
    const before = await snapshot();
    for (const [name, call] of NAMED) {
      const error = await refusal(call(w, again.user!));
      expect({ name, error }).toMatchObject({ name, error: { code: "FORBIDDEN" } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an admin's call with the same arguments succeeds (the refusals above are about the role, not the arguments)", { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (const [name, call] of NAMED) {
      try {
        await call(w, w.admin);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}${error instanceof Error && "fields" in error ? ` ${JSON.stringify(error.fields)}` : ""}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
