import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { DEMO, expect } from "./fixtures";
import { actionResult, callAction, readBuiltActions, type TBuiltAction, type TCall, type TOutcome } from "./server-actions";

export type TActor = "anonymous" | "studentB" | "teacherB" | "admin" | "ownerA" | "studentA" | "pupilA";

export type TRow = {
  /** Why callers other than the ones below may use it, for actions open to the public or every learner. */
  open?: string;
  /** Who must be refused. */
  refused: TActor[];
  /** More attacks: an instructor mixing their own class's ids with another class's, and the like. */
  mixed?: { as: TActor; why: string; call: () => TCall }[];
  /** The answer is the same for everyone (signing out redirects to sign-in): only "writes nothing" is checked. */
  sameAnswer?: true;
  /** The attack: the victim's ids, otherwise valid input. */
  call: () => TCall;
  /**
   * The rightful caller sending a request of the same kind, which must work and write something (or only
   * read, with `reads`): it proves the request reaches the action and the snapshot sees what it writes.
   * Controls run in table order, those with a higher `order` last.
   */
  control?: { as: TActor; call: () => TCall | Promise<TCall>; reads?: true; order?: number };
  /** Who may send `call` itself, for a row without a control (tests/e2e/server-actions-malformed.spec.ts fuzzes it as them). */
  rightful?: TActor;
};

/**
 * The world the server-action specs share: users, two classes, assignments and an attempt (rows inserted
 * directly), a draft source, module, lesson and activity the admin makes over HTTP, a signed-in request
 * context per caller, the table of every server action with who must be refused and who may call it, and a
 * snapshot of every row the world owns. Each spec makes its own (`createActionsWorld()`): every name carries
 * a fresh marker, so specs running side by side, or one after the other in one worker, never meet.
 */
export function createActionsWorld() {
  const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
  /** Marks everything this run creates, so the snapshot finds it (and only it) among other tests' rows. */
  const M = `sa${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const id = (name: string) => `${M}-${name}`;
  const PASSWORD = "crosscheck-demo";
  const QUIZ = "september-2023-quiz";
  const SOURCE = "sceeus-2023-anti-terrorist"; // a seeded source, only to name a page
  const local = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

  /** The victims' and attackers' rows; ids are fixed so the table can name them. */
  const W = {
    ownerA: id("owner-a"), // teaches class A
    teacherB: id("teacher-b"), // teaches class B only
    studentA: id("student-a"), // in class A, with an attempt in progress
    studentB: id("student-b"), // in class B
    pupilA: id("pupil-a"), // an account without email created by class A, also a member of class B (joined by code)
    admin: id("admin"), // teaches nothing
    classA: id("class-a"),
    classB: id("class-b"),
    assignmentA: id("assign-a"),
    assignmentB: id("assign-b"),
    attemptA: id("attempt-a"),
    codeB: Array.from(randomBytes(6), (b) => "23456789ABCDEFGHJKMNPQRSTWXYZ"[b % 29]).join(""),
    source: `${M}-source`, // a draft source, module, lesson and activity the admin makes over HTTP first
    module: `${M}-module`,
    lesson: `${M}-lesson`,
    activity: `${M}-practice`,
  };
  const USERS = [W.ownerA, W.teacherB, W.studentA, W.studentB, W.pupilA, W.admin];


  const OUTSIDERS_OF_A: TActor[] = ["anonymous", "studentB", "teacherB", "admin"];
  const NOT_ADMIN: TActor[] = ["anonymous", "studentB", "teacherB", "ownerA"];

  // ---- the table: one row per server action (file + export name) ----
  const ACTIONS: Record<string, Record<string, TRow>> = {
    "app/(public)/actions.ts": {
      signInAction: {
        open: "signing in is public; a wrong password for someone else's account gets no session",
        refused: ["anonymous", "studentB"],
        call: () => ({ state: { login: `${W.studentA}@example.test`, password: "not-their-password" } }),
        control: { as: "anonymous", reads: true, call: () => ({ state: { login: `${W.studentA}@example.test`, password: PASSWORD } }) },
      },
      signUpAction: {
        open: "signing up is public, and makes a student whatever role the form claims (checked below)",
        refused: [],
        rightful: "anonymous",
        call: () => ({ state: { name: `Eve ${M}`, email: `eve-${M}@example.test`, password: "a-long-password-1", role: "ADMIN" } }),
      },
      signOutAction: {
        open: "ends the caller's own sessions only; it takes no id (one sent anyway is ignored)",
        refused: ["anonymous"],
        sameAnswer: true,
        call: () => ({ json: [W.studentA] }),
        control: { as: "pupilA", call: () => ({ json: [W.studentA] }) },
      },
      changePasswordAction: {
        open: "changes the caller's own password, only with their current one",
        refused: ["anonymous", "studentB"],
        call: () => ({ state: { userId: W.studentA, currentPassword: "not-my-password", newPassword: "taken-over-9876", confirmPassword: "taken-over-9876" } }),
        control: { as: "pupilA", call: () => ({ state: { currentPassword: PASSWORD, newPassword: "my-own-password-42", confirmPassword: "my-own-password-42" } }) },
      },
      resetPasswordAction: {
        open: "anyone holding a reset link's token may use it; a made-up token does nothing",
        refused: ["anonymous", "studentB"],
        call: () => ({ state: { token: randomBytes(32).toString("base64url"), newPassword: "taken-over-9876", confirmPassword: "taken-over-9876" } }),
        control: {
          as: "anonymous",
          call: async () => {
            const link = await send("admin", "createResetLinkAction", { state: { userId: W.pupilA } });
            const token = /\/reset-password\/([\w-]+)/.exec(link.text)?.[1] ?? "no-link-was-made";
            return { state: { token, newPassword: "a-new-password-77", confirmPassword: "a-new-password-77" } };
          },
        },
      },
    },
    "app/(student)/learn/actions.ts": {
      setLessonCompleteAction: {
        open: "learners mark their own lessons; not a lesson they cannot see (a draft)",
        refused: ["anonymous", "studentB", "teacherB"],
        call: () => ({ json: [{ moduleSlug: W.module, lessonSlug: W.lesson, completed: true, userId: W.studentA }] }),
        control: { as: "studentA", call: () => ({ json: [{ moduleSlug: "september-2023", lessonSlug: "from-blockade-to-exodus", completed: true }] }) },
      },
      recordLessonVisitAction: {
        open: "learners record their own visits; not to a lesson they cannot see (a draft)",
        refused: ["anonymous", "studentB", "teacherB"],
        call: () => ({ json: [{ moduleSlug: W.module, lessonSlug: W.lesson, position: 0.5, userId: W.studentA }] }),
        control: { as: "studentA", call: () => ({ json: [{ moduleSlug: "september-2023", lessonSlug: "three-accounts-of-september", position: 0.4 }] }) },
      },
      getLessonProgressAction: {
        open: "reads the caller's own progress only (there is no user id to swap)",
        refused: ["anonymous"],
        call: () => ({ json: [{ moduleSlug: "september-2023", lessonSlug: "from-blockade-to-exodus", userId: W.studentA }] }),
        control: { as: "studentA", reads: true, call: () => ({ json: [{ moduleSlug: "september-2023", lessonSlug: "from-blockade-to-exodus" }] }) },
      },
    },
    "app/(student)/learn/[moduleSlug]/activities/[activitySlug]/actions.ts": {
      retakeAction: {
        open: "learners start their own attempts; not at an activity they cannot see (a draft)",
        refused: ["anonymous", "studentB", "teacherB"],
        call: () => ({ state: { moduleSlug: W.module, activitySlug: W.activity } }),
        control: { as: "studentB", call: () => ({ state: { moduleSlug: "september-2023", activitySlug: QUIZ } }) },
      },
    },
    "app/(instructor)/teach/classes/actions.ts": {
      createClassAction: {
        refused: ["anonymous", "studentB"],
        call: () => ({ state: { name: `Class ${M}`, term: "Autumn" } }),
        control: { as: "teacherB", call: () => ({ state: { name: `Class ${M} B2`, term: "Autumn" } }) },
      },
      updateClassAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { classId: W.classA, name: "Taken over", term: "x" } }),
        control: { as: "ownerA", call: () => ({ state: { classId: W.classA, name: "Class A renamed", term: "Spring" } }) },
      },
      setJoinCodeAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { classId: W.classA, enabled: "true" } }),
        control: { as: "ownerA", call: () => ({ state: { classId: W.classA, enabled: "true" } }) },
      },
      addCoInstructorAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { classId: W.classA, email: `${W.teacherB}@example.test` } }),
        mixed: [{ as: "ownerA", why: "a student as co-instructor", call: () => ({ state: { classId: W.classA, email: `${W.studentB}@example.test` } }) }],
        control: { as: "ownerA", call: () => ({ state: { classId: W.classA, email: `${W.teacherB}@example.test` } }) },
      },
      removeCoInstructorAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { classId: W.classA, userId: W.ownerA } }),
        mixed: [{ as: "teacherB", why: "A's owner through B", call: () => ({ state: { classId: W.classB, userId: W.ownerA } }) }],
        control: { as: "ownerA", call: () => ({ state: { classId: W.classA, userId: W.teacherB } }) },
      },
      removeStudentAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { classId: W.classA, userId: W.studentA } }),
        mixed: [{ as: "teacherB", why: "A's student through B", call: () => ({ state: { classId: W.classB, userId: W.studentA } }) }],
        control: { as: "ownerA", order: 2, call: () => ({ state: { classId: W.classA, userId: W.studentA } }) },
      },
      createStudentAccountsAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { classId: W.classA, names: `Intruder ${M}` } }),
        control: { as: "ownerA", call: () => ({ state: { classId: W.classA, names: `Newpupil ${M}` } }) },
      },
      resetStudentPasswordAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { classId: W.classA, userId: W.pupilA } }),
        mixed: [
          { as: "teacherB", why: "A's pupil through B, where they are a member but were not created", call: () => ({ state: { classId: W.classB, userId: W.pupilA } }) },
          { as: "ownerA", why: "a member who signs in with their own email", call: () => ({ state: { classId: W.classA, userId: W.studentA } }) },
        ],
        control: { as: "ownerA", call: () => ({ state: { classId: W.classA, userId: W.pupilA } }) },
      },
      createAssignmentAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { classId: W.classA, target: `activity:${world.quizId}`, opensAt: local(-1), dueAt: local(30), timeZone: "UTC", feedback: "NEVER" } }),
        mixed: [
          {
            as: "teacherB",
            why: "a draft activity to B",
            call: () => ({ state: { classId: W.classB, target: `activity:${world.draftActivityId}`, opensAt: local(-1), dueAt: local(30), timeZone: "UTC", feedback: "NEVER" } }),
          },
        ],
        control: {
          as: "ownerA",
          call: () => ({ state: { classId: W.classA, target: `activity:${world.quizId}`, opensAt: local(-1), dueAt: local(30), timeZone: "UTC", feedback: "NEVER" } }),
        },
      },
      updateAssignmentAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { assignmentId: W.assignmentA, opensAt: local(-1), dueAt: local(60), timeZone: "UTC", feedback: "NEVER" } }),
        control: { as: "ownerA", call: () => ({ state: { assignmentId: W.assignmentA, opensAt: local(-1), dueAt: local(20), timeZone: "UTC", feedback: "AFTER_DUE" } }) },
      },
      deleteAssignmentAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { assignmentId: W.assignmentA } }),
        control: { as: "ownerA", order: 3, call: () => ({ state: { assignmentId: W.assignmentA } }) },
      },
      setExtensionAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { assignmentId: W.assignmentA, studentId: W.studentA, dueAt: local(40) } }),
        mixed: [
          { as: "teacherB", why: "A's student on B's assignment", call: () => ({ state: { assignmentId: W.assignmentB, studentId: W.studentA, dueAt: local(40) } }) },
          { as: "ownerA", why: "a student not in the class", call: () => ({ state: { assignmentId: W.assignmentA, studentId: W.studentB, dueAt: local(40) } }) },
        ],
        control: { as: "ownerA", call: () => ({ state: { assignmentId: W.assignmentA, studentId: W.studentA, dueAt: local(12) } }) },
      },
      removeExtensionAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { assignmentId: W.assignmentA, studentId: W.studentA } }),
        control: { as: "ownerA", order: 1, call: () => ({ state: { assignmentId: W.assignmentA, studentId: W.studentA } }) },
      },
      saveGradeAction: {
        refused: OUTSIDERS_OF_A,
        call: () => ({ state: { assignmentId: W.assignmentA, studentId: W.studentA, overrideScore: "0", comment: "" } }),
        mixed: [
          { as: "teacherB", why: "A's student on B's assignment", call: () => ({ state: { assignmentId: W.assignmentB, studentId: W.studentA, overrideScore: "0", comment: "" } }) },
          { as: "ownerA", why: "a student not in the class", call: () => ({ state: { assignmentId: W.assignmentA, studentId: W.studentB, overrideScore: "0", comment: "" } }) },
        ],
        control: { as: "ownerA", call: () => ({ state: { assignmentId: W.assignmentA, studentId: W.studentA, overrideScore: "88", comment: "Well argued" } }) },
      },
      joinClassAction: {
        open: "any signed-in user joins a class with its code; without the code nothing happens",
        refused: ["anonymous", "studentB", "teacherB"],
        call: () => ({ state: { code: "ZZZZZZ" } }),
        control: { as: "studentA", call: () => ({ state: { code: W.codeB } }) },
      },
    },
    "app/(admin)/admin/users/actions.ts": {
      setUserRoleAction: {
        refused: NOT_ADMIN,
        call: () => ({ form: { userId: W.studentB, role: "ADMIN" } }),
        control: { as: "admin", call: () => ({ form: { userId: W.pupilA, role: "INSTRUCTOR" } }) },
      },
      setUserDisabledAction: {
        refused: NOT_ADMIN,
        call: () => ({ form: { userId: W.ownerA, disabled: "true" } }),
        control: { as: "admin", call: () => ({ form: { userId: W.pupilA, disabled: "true" } }) },
      },
      createResetLinkAction: {
        refused: NOT_ADMIN,
        call: () => ({ state: { userId: W.studentA } }),
        control: { as: "admin", call: () => ({ state: { userId: W.studentA } }) },
      },
    },
    "app/(admin)/admin/content/actions.ts": {
      createSourceAction: {
        refused: NOT_ADMIN,
        call: () => ({ state: { ...sourceForm(`${M}-planted`), title: `Planted ${M}` } }),
        control: { as: "admin", call: () => ({ state: { ...sourceForm(`${M}-second`), title: `Second ${M}` } }) },
      },
      updateSourceAction: {
        refused: NOT_ADMIN,
        call: () => ({ state: { ...sourceForm(W.source), $slug: W.source, title: "Defaced" } }),
        control: { as: "admin", call: () => ({ state: { ...sourceForm(W.source), $slug: W.source, title: "Corrected by the admin" } }) },
      },
      setStatusAction: {
        refused: NOT_ADMIN,
        call: () => ({ state: { kind: "module", key: W.module, status: "PUBLISHED" } }),
        control: { as: "admin", call: () => ({ state: { kind: "lesson", key: world.lessonId, status: "PUBLISHED" } }) },
      },
      createLessonAction: {
        refused: NOT_ADMIN,
        call: () => ({ state: { ...lessonForm(`${M}-planted`), $module: W.module } }),
        control: { as: "admin", call: () => ({ state: { ...lessonForm(`${M}-second`), $module: W.module } }) },
      },
      updateLessonAction: {
        refused: NOT_ADMIN,
        call: () => ({ state: { ...lessonForm(W.lesson), title: "Defaced", $lesson: world.lessonId } }),
        control: { as: "admin", call: () => ({ state: { ...lessonForm(W.lesson), title: "Edited by the admin", $lesson: world.lessonId } }) },
      },
      createModuleAction: {
        refused: NOT_ADMIN,
        call: () => ({ state: { slug: `${M}-planted`, title: "Planted", summary: "A module nobody asked for." } }),
        control: { as: "admin", call: () => ({ state: { slug: `${M}-second`, title: "Second", summary: "Another draft module." } }) },
      },
      updateModuleAction: {
        refused: NOT_ADMIN,
        call: () => ({ state: { ...moduleForm(), title: "Defaced", $module: W.module } }),
        control: { as: "admin", call: () => ({ state: { ...moduleForm(), title: "Edited by the admin", $module: W.module } }) },
      },
      saveActivityAction: {
        refused: NOT_ADMIN,
        call: () => ({ state: { yaml: activityYaml(W.activity, "Defaced"), note: "", $activity: W.activity } }),
        control: { as: "admin", call: () => ({ state: { yaml: activityYaml(W.activity, "Edited by the admin"), note: "edit", $activity: W.activity } }) },
      },
      createActivityAction: {
        refused: NOT_ADMIN,
        call: () => ({ state: { yaml: activityYaml(`${M}-planted`, "Planted"), $module: W.module } }),
        control: { as: "admin", call: () => ({ state: { yaml: activityYaml(`${M}-second`, "Second"), $module: W.module } }) },
      },
      addSourceQuestionsAction: {
        refused: NOT_ADMIN,
        call: () => ({ json: [builderInput()] }),
        control: { as: "admin", call: () => ({ json: [builderInput()] }) },
      },
      importCourseAction: {
        refused: NOT_ADMIN,
        rightful: "admin",
        call: () => ({ state: { file: { name: "course.zip", mimeType: "application/zip", buffer: world.courseZip } } }),
      },
    },
  };

  // ---- input builders for the content forms ----
  function sourceForm(slug: string) {
    return {
      slug,
      title: "A source",
      authors: "Ann Author — A research centre",
      bylineNote: "",
      outletName: "SCEEUS",
      outletKind: "Swedish research centre",
      outletUrl: "https://sceeus.se",
      publishedAt: "2023-09-19",
      dateNote: "",
      url: "",
      urlNote: "",
      genre: "analysis",
      stanceStatement: "",
      voice: "other-country",
      voiceNote: "",
      rights: "© the publisher",
      body: "A first paragraph.\n\nA second paragraph.",
    };
  }
  const lessonForm = (slug: string) => ({ slug, title: "A lesson", summary: "What it is about.", minutes: "5", body: "Some text of the lesson." });
  const moduleForm = () => ({ title: "A module", summary: "What it is about.", timeline: "", keyTerms: "", sources: ["kuzio-2021-first-anniversary"] });
  function activityYaml(slug: string, title: string) {
    const text = readFileSync("content/modules/reading-sources/activities/01-practice.yaml", "utf8");
    return text.replace(/^slug: .*$/m, `slug: ${slug}`).replace(/^title: .*$/m, `title: "${title}"`);
  }
  function builderInput() {
    return {
      sourceSlug: "kuzio-2021-first-anniversary",
      moduleSlug: W.module,
      target: W.activity,
      activityTitle: "",
      passages: [world.kuzioPassage],
      evidence: { label: "The opening", explanation: "It sets the frame." },
      axes: [{ axis: "genre", answer: "opinion", explanation: "It argues a case.", cites: [0] }],
    };
  }

  // ---- the world, the callers and the snapshot ----
  const world = { quizId: "", quizVersion: 1, lessonId: "", draftActivityId: "", kuzioPassage: "", courseZip: Buffer.alloc(0) as Buffer };
  const callers = new Map<TActor, APIRequestContext>();
  let db: pg.Client;
  let built: TBuiltAction[] = [];

  const TABLES: [string, string][] = [
    ["User", `SELECT * FROM "User" WHERE "id" = ANY($1) OR "name" LIKE $2 OR "email" LIKE $2 OR "username" LIKE $2`],
    ["Class", `SELECT * FROM "Class" WHERE "id" IN (SELECT "classId" FROM "ClassInstructor" WHERE "userId" = ANY($1)) OR "name" LIKE $2`],
    ["ClassInstructor", `SELECT * FROM "ClassInstructor" WHERE "userId" = ANY($1) OR "classId" LIKE $2`],
    ["ClassMember", `SELECT * FROM "ClassMember" WHERE "userId" = ANY($1) OR "classId" LIKE $2`],
    ["Assignment", `SELECT * FROM "Assignment" WHERE "classId" IN (SELECT "classId" FROM "ClassInstructor" WHERE "userId" = ANY($1)) OR "classId" LIKE $2`],
    ["AssignmentExtension", `SELECT * FROM "AssignmentExtension" WHERE "userId" = ANY($1) OR "assignmentId" LIKE $2`],
    ["AssignmentGrade", `SELECT * FROM "AssignmentGrade" WHERE "userId" = ANY($1) OR "assignmentId" LIKE $2`],
    ["Attempt", `SELECT * FROM "Attempt" WHERE "userId" = ANY($1)`],
    ["Answer", `SELECT * FROM "Answer" WHERE "attemptId" IN (SELECT "id" FROM "Attempt" WHERE "userId" = ANY($1))`],
    ["LessonProgress", `SELECT * FROM "LessonProgress" WHERE "userId" = ANY($1)`],
    ["PasswordResetToken", `SELECT * FROM "PasswordResetToken" WHERE "userId" = ANY($1) OR "createdById" = ANY($1)`],
    ["AuditEvent", `SELECT * FROM "AuditEvent" WHERE "actorId" = ANY($1) OR "targetId" = ANY($1) OR "summary" LIKE $2`],
    ["Source", `SELECT * FROM "Source" WHERE "slug" LIKE $2 OR "title" LIKE $2`],
    ["Module", `SELECT * FROM "Module" WHERE "slug" LIKE $2`],
    ["ModuleSource", `SELECT ms.* FROM "ModuleSource" ms JOIN "Module" m ON m."id" = ms."moduleId" WHERE m."slug" LIKE $2`],
    ["Lesson", `SELECT l.* FROM "Lesson" l JOIN "Module" m ON m."id" = l."moduleId" WHERE m."slug" LIKE $2 OR l."slug" LIKE $2`],
    ["Activity", `SELECT a.* FROM "Activity" a JOIN "Module" m ON m."id" = a."moduleId" WHERE m."slug" LIKE $2 OR a."slug" LIKE $2`],
    ["ActivityVersion", `SELECT v.* FROM "ActivityVersion" v JOIN "Activity" a ON a."id" = v."activityId" WHERE a."slug" LIKE $2`],
    // An import could write any content row: counted whole (no other test imports while this one runs).
    ["Term", `SELECT * FROM "Term"`],
  ];

  /** Row count and hash of every row the world owns or this run could have created, table by table (one query). */
  async function snapshot(): Promise<Record<string, string>> {
    const parts = TABLES.map(
      ([table, select]) => `SELECT '${table}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM (${select}) x`,
    );
    const { rows } = await db.query(`${parts.join(" UNION ALL ")}`, [USERS, `%${M}%`]);
    return Object.fromEntries(rows.map((r: { t: string; n: number; h: string }) => [r.t, `${r.n} rows, ${r.h}`]));
  }

  const changedTables = (before: Record<string, string>, after: Record<string, string>) => Object.keys(before).filter((t) => before[t] !== after[t]);

  async function seedWorld() {
    const hash = (await db.query(`SELECT "passwordHash" FROM "User" WHERE "email" = $1`, [DEMO.student])).rows[0].passwordHash as string;
    const users: [string, string, string | null, string | null][] = [
      [W.ownerA, "INSTRUCTOR", `${W.ownerA}@example.test`, null],
      [W.teacherB, "INSTRUCTOR", `${W.teacherB}@example.test`, null],
      [W.studentA, "STUDENT", `${W.studentA}@example.test`, null],
      [W.studentB, "STUDENT", `${W.studentB}@example.test`, null],
      [W.pupilA, "STUDENT", null, `${M}-pupil`],
      [W.admin, "ADMIN", `${W.admin}@example.test`, null],
    ];
    for (const [userId, role, email, username] of users) {
      await db.query(`INSERT INTO "User" ("id", "name", "email", "username", "passwordHash", "role", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`, [
        userId,
        `${userId.slice(M.length + 1)} ${M}`,
        email,
        username,
        hash,
        role,
      ]);
    }
    const quiz = (await db.query(`SELECT "id", "version" FROM "Activity" WHERE "slug" = $1`, [QUIZ])).rows[0];
    world.quizId = quiz.id;
    world.quizVersion = quiz.version;
    await db.query(`INSERT INTO "Class" ("id", "name", "term", "joinCode", "updatedAt") VALUES ($1, 'Class A', 'Autumn', NULL, now()), ($2, 'Class B', 'Autumn', $3, now())`, [
      W.classA,
      W.classB,
      W.codeB,
    ]);
    await db.query(`INSERT INTO "ClassInstructor" ("classId", "userId", "isOwner") VALUES ($1, $2, true), ($3, $4, true)`, [W.classA, W.ownerA, W.classB, W.teacherB]);
    await db.query(`INSERT INTO "ClassMember" ("classId", "userId") VALUES ($1, $2), ($1, $3), ($4, $5), ($4, $3)`, [W.classA, W.studentA, W.pupilA, W.classB, W.studentB]);
    await db.query(`UPDATE "User" SET "createdInClassId" = $1 WHERE "id" = $2`, [W.classA, W.pupilA]);
    await db.query(
      `INSERT INTO "Assignment" ("id", "classId", "activityId", "opensAt", "dueAt", "timeZone", "feedback") VALUES ($1, $2, $3, now() - interval '1 day', now() + interval '7 days', 'UTC', 'IMMEDIATE')`,
      [W.assignmentA, W.classA, world.quizId],
    );
    await db.query(
      `INSERT INTO "Assignment" ("id", "classId", "activityId", "opensAt", "dueAt", "timeZone", "feedback") VALUES ($1, $2, $3, now() - interval '1 day', now() + interval '7 days', 'UTC', 'IMMEDIATE')`,
      [W.assignmentB, W.classB, world.quizId],
    );
    await db.query(`INSERT INTO "AssignmentExtension" ("assignmentId", "userId", "dueAt") VALUES ($1, $2, now() + interval '9 days')`, [W.assignmentA, W.studentA]);
    await db.query(`INSERT INTO "AssignmentGrade" ("assignmentId", "userId", "overrideScore", "comment", "updatedAt") VALUES ($1, $2, 80, 'Good', now())`, [W.assignmentA, W.studentA]);
    await db.query(`INSERT INTO "Attempt" ("id", "userId", "activityId", "number", "activityVersion", "updatedAt") VALUES ($1, $2, $3, 1, $4, now())`, [
      W.attemptA,
      W.studentA,
      world.quizId,
      world.quizVersion,
    ]);
    await db.query(`INSERT INTO "Answer" ("attemptId", "questionId", "value", "answeredAt", "updatedAt") VALUES ($1, 'q7', '{"selected":["a"]}', now(), now())`, [W.attemptA]);
  }

  /** A request context signed in through signInAction itself (so the form encoding is proven here too). */
  async function signedIn(login: string | null): Promise<APIRequestContext> {
    const context = await playwrightRequest.newContext({ baseURL: BASE });
    if (!login) return context;
    const signIn = built.find((a) => a.name === "signInAction")!;
    const outcome = await callAction(context, BASE, "/login", signIn.id, { state: { login, password: PASSWORD } });
    expect(String(outcome.redirect), `${login} signs in over HTTP (${outcome.status} ${outcome.text.slice(0, 200)})`).toMatch(/^\/(learn|teach|admin)/);
    return context;
  }

  /** What a refusal looks like: an error status, a redirect to sign in, or a result that carries an error. */
  function isRefusal(outcome: TOutcome): boolean {
    if (outcome.status === 0 || outcome.status >= 400) return true;
    // Sent to sign in (by the proxy or the action); "/login?reset=1" after a reset or "?signedOut=1" are successes.
    if (outcome.redirect) return /^\/login(\?next=[^&;]*)?(;\w+)?$/.test(outcome.redirect.replace(/^https?:\/\/[^/]+/, ""));
    const result = actionResult(outcome.text);
    if (result === null) return false; // not an action's answer at all: the test reports it
    return /^E\{/.test(result) || (/"error":"/.test(result) && !/"ok":("|true)/.test(result) && !/"accounts":\[\{/.test(result));
  }

  const describeOutcome = (o: TOutcome) =>
    `${o.status}${o.redirect ? ` → ${o.redirect}` : ""} ${(actionResult(o.text) ?? o.text).replace(/\s+/g, " ").slice(0, 300)}`;

  /** Values for the dynamic segments of the pages an action is posted to. */
  const SEGMENTS: Record<string, () => string> = {
    classId: () => W.classA,
    moduleSlug: () => "september-2023",
    lessonSlug: () => "from-blockade-to-exodus",
    activitySlug: () => QUIZ,
    slug: () => SOURCE,
    lessonId: () => world.lessonId,
  };

  const inArea = (path: string) => (/^\/(learn|teach|admin)(\/|$)/.test(path) ? 1 : 0);

  /**
   * The page a browser would post the action from: one of the pages the build bundles it with (Next 16 does
   * not run an action posted to a page that does not bundle it). For a signed-out caller on /learn, /teach
   * or /admin the proxy answers first, with a redirect to sign in; so public pages are preferred.
   */
  function pageOf(action: TBuiltAction): string {
    const paths = action.pages
      .filter((p) => p.endsWith("/page"))
      .map((p) => p.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/")
      .sort((a, b) => inArea(a) - inArea(b) || a.split("[").length - b.split("[").length || a.length - b.length);
    if (!paths[0]) throw new Error(`${action.file} ${action.name} is bundled with no page`);
    return paths[0].replace(/\[(\w+)\]/g, (_, name: string) => SEGMENTS[name]?.() ?? "x");
  }

  async function send(actor: TActor, name: string, call: TCall) {
    const action = built.find((a) => a.name === name);
    if (!action) throw new Error(`${name} is not in the build`);
    return callAction(callers.get(actor)!, BASE, pageOf(action), action.id, call);
  }

  /** Connects to the database and reads the build's actions. */
  async function open() {
    built = readBuiltActions();
    db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  }

  async function close() {
    for (const context of callers.values()) await context.dispose();
    await db?.end();
  }

  /** Seeds the world, signs every caller in, and has the admin make the draft content over HTTP. */
  async function build() {
    await seedWorld();
    for (const actor of ["ownerA", "teacherB", "studentA", "studentB", "admin"] as const) callers.set(actor, await signedIn(`${W[actor]}@example.test`));
    callers.set("anonymous", await signedIn(null));
    const step = async (name: string, call: TCall) => {
      const before = await snapshot();
      const outcome = await send("admin", name, call);
      expect(isRefusal(outcome), `${name} as the admin: ${describeOutcome(outcome)}`).toBe(false);
      expect(changedTables(before, await snapshot()), `${name} as the admin writes`).not.toEqual([]);
    };
    await step("createSourceAction", { state: sourceForm(W.source) });
    await step("createModuleAction", { state: { slug: W.module, title: "A module", summary: "What it is about." } });
    const sources = ["kuzio-2021-first-anniversary", "sceeus-2023-anti-terrorist", "gdc-2023-weak-russia", "nee-2023-final-battle"];
    await step("updateModuleAction", { state: { ...moduleForm(), sources, $module: W.module } });
    await step("createLessonAction", { state: { ...lessonForm(W.lesson), $module: W.module } });
    await step("createActivityAction", { state: { yaml: activityYaml(W.activity, "Practice"), $module: W.module } });
    world.draftActivityId = (await db.query(`SELECT "id" FROM "Activity" WHERE "slug" = $1`, [W.activity])).rows[0].id;
    world.lessonId = (await db.query(`SELECT l."id" FROM "Lesson" l JOIN "Module" m ON m."id" = l."moduleId" WHERE m."slug" = $1`, [W.module])).rows[0].id;
    const kuzio = (await db.query(`SELECT "body" FROM "Source" WHERE "slug" = 'kuzio-2021-first-anniversary'`)).rows[0].body as string;
    world.kuzioPassage = kuzio.split("\n\n")[0]!.split(". ")[0]!;
    const exported = await callers.get("admin")!.get("/admin/content/export.zip");
    expect(exported.status()).toBe(200);
    world.courseZip = await exported.body();
  }

  return {
    ...{ BASE, M, W, PASSWORD, USERS, ACTIONS, world, callers },
    ...{ open, close, build, snapshot, changedTables, signedIn, isRefusal, describeOutcome, pageOf, send },
    get db() {
      return db;
    },
    get built() {
      return built;
    },
  };
}
