import { readdirSync } from "node:fs";
import { request as playwrightRequest } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { callAction, readSourceActions } from "./server-actions";
import { createActionsWorld, type TActor } from "./server-actions-world";

/*
 * Every server action of the production build, POSTed over HTTP as the browser would, by callers who must
 * be refused: no session, a student, an instructor who does not teach the class, an admin who does not
 * teach it either, each with the victim's ids and otherwise valid input. Each must be refused and write
 * nothing (rows of the world below, hashed before and after). Then the rightful caller sends the same
 * request and it works: the encoding is right and the snapshot sees what the action writes.
 * A new action fails the first test until it has a row in ACTIONS; a new route handler, until it has one
 * in ROUTES.
 *
 * NOTE: an action is posted to a page the build bundles it with (Next 16 answers 409 for any other page).
 * For actions bundled only with /learn, /teach or /admin pages, a caller without a session is turned away
 * by the proxy (a redirect to sign in) before the action runs; the action's own check is then proven by the
 * signed-in callers with the wrong role, and in lib by tests/integration/*-authz.test.ts.
 */

test.describe.configure({ mode: "serial" });

const actionsWorld = createActionsWorld();
const { BASE, M, W, ACTIONS, callers, snapshot, changedTables, signedIn, isRefusal, describeOutcome, pageOf, send } = actionsWorld;

test.beforeAll(() => actionsWorld.open());
test.afterAll(() => actionsWorld.close());

test("every server action, in the build and in the source, has a row in the table", () => {
  const key = (a: { file: string; name: string }) => `${a.file} ${a.name}`;
  const inBuild = actionsWorld.built.map(key).sort();
  const inSource = readSourceActions().map(key).sort();
  expect(inBuild.length, "the build lists server actions").toBeGreaterThan(30);
  // An inline "use server" function inside a component is in the build but not found here: put it in an actions file.
  expect(inSource, "the source's \"use server\" exports and the built actions are the same").toEqual(inBuild);
  const inTable = Object.entries(ACTIONS).flatMap(([file, rows]) => Object.keys(rows).map((name) => `${file} ${name}`));
  const missing = inBuild.filter((a) => !inTable.includes(a));
  expect(missing, "server actions without a row in ACTIONS: say who must be refused and with which ids").toEqual([]);
  expect(inTable.filter((a) => !inBuild.includes(a)), "rows for actions that no longer exist").toEqual([]);
});

test("the admin makes a draft source, module, lesson and activity over HTTP (the targets of the content actions)", async () => {
  await actionsWorld.build();
});

const ROLE_OF: Partial<Record<TActor, "STUDENT" | "INSTRUCTOR" | "ADMIN">> = { studentA: "STUDENT", studentB: "STUDENT", pupilA: "STUDENT", ownerA: "INSTRUCTOR", teacherB: "INSTRUCTOR", admin: "ADMIN" };

/** The roles an action admits (its `requireUser(...)`): admin files the admin, class files instructors and admins. */
function rolesOf(file: string, name: string): string[] | null {
  if (file.startsWith("app/(admin)/")) return ["ADMIN"];
  // Joining a class is a learner's action that lives with the other class writes.
  if (file.startsWith("app/(instructor)/") && name !== "joinClassAction") return ["INSTRUCTOR", "ADMIN"];
  return null;
}

test("every server action refuses a caller without a session, with the wrong role or with another's ids, and writes nothing", async () => {
  test.setTimeout(120_000);
  for (const [file, rows] of Object.entries(ACTIONS)) {
    for (const [name, row] of Object.entries(rows)) {
      const attacks = [
        ...row.refused.map((actor) => ({ actor, call: row.call, label: `${file} ${name} as ${actor}` })),
        ...(row.mixed ?? []).map((m) => ({ actor: m.as, call: m.call, label: `${file} ${name} as ${m.as}, ${m.why}` })),
      ];
      for (const { actor, call, label } of attacks) {
        const before = await snapshot();
        const outcome = await send(actor, name, call());
        if (process.env.SA_DEBUG) console.log(label, describeOutcome(outcome));
        expect.soft(outcome.status, `${label}: the action exists`).not.toBe(409);
        // A signed-in caller whose role the action does not admit gets a 403, not a 500 with an error digest.
        const roles = rolesOf(file, name);
        const role = ROLE_OF[actor];
        if (roles && role && !roles.includes(role)) expect.soft(outcome.status, `${label} (wrong role) gets 403: ${describeOutcome(outcome)}`).toBe(403);
        expect.soft(outcome.status, `${label}: never a 500`).not.toBe(500);
        if (!row.sameAnswer) expect.soft(isRefusal(outcome), `${label} must be refused: ${describeOutcome(outcome)}`).toBe(true);
        expect.soft(changedTables(before, await snapshot()), `${label} must write nothing`).toEqual([]);
      }
    }
  }
});

test("every server action posted from another site gets a 403 with a plain message and writes nothing, even from a signed-in admin", async () => {
  const admin = callers.get("admin")!;
  for (const action of actionsWorld.built) {
    const row = ACTIONS[action.file]?.[action.name];
    if (!row) continue; // the first test reports it
    const before = await snapshot();
    const outcome = await callAction(admin, BASE, pageOf(action), action.id, row.call(), { origin: "https://evil.example" });
    const label = `${action.file} ${action.name} from https://evil.example`;
    expect.soft(outcome.status, `${label}: ${describeOutcome(outcome)}`).toBe(403);
    expect.soft(outcome.text, label).toBe("Cross-site requests are not accepted.");
    expect.soft(changedTables(before, await snapshot()), `${label} must write nothing`).toEqual([]);
  }
  // A page posting to itself (its own Origin) still works: the refusal is about the site, not the action.
  const own = await send("admin", "getLessonProgressAction", ACTIONS["app/(student)/learn/actions.ts"]!.getLessonProgressAction!.call());
  expect(own.status, describeOutcome(own)).toBe(200);
});

test("a pupil who has not yet replaced their one-time password is sent to choose one by every other action, never a 500, and writes nothing", async () => {
  test.setTimeout(120_000);
  // A pupil's account as an instructor makes it: a one-time password to replace before anything else.
  const login = `${M}-fresh-pupil`;
  const hash = (await actionsWorld.db.query(`SELECT "passwordHash" FROM "User" WHERE "email" = $1`, [DEMO.student])).rows[0].passwordHash as string;
  await actionsWorld.db.query(
    `INSERT INTO "User" ("id", "name", "username", "passwordHash", "role", "mustChangePassword", "updatedAt") VALUES ($1, $2, $1, $3, 'STUDENT', true, now())`,
    [login, `Fresh pupil ${M}`, hash],
  );
  const pupil = await playwrightRequest.newContext({ baseURL: BASE });
  const signIn = actionsWorld.built.find((a) => a.name === "signInAction")!;
  const signedInOutcome = await callAction(pupil, BASE, "/login", signIn.id, { state: { login, password: DEMO_PASSWORD } });
  expect(signedInOutcome.redirect, describeOutcome(signedInOutcome)).toMatch(/^\/account\/password/);
  // What they may do before choosing a password: choose it, sign out, or redeem a reset link someone gave
  // them (public, for whoever holds the link): none is tried here.
  const allowed = new Set(["signInAction", "signUpAction", "signOutAction", "changePasswordAction", "resetPasswordAction"]);
  try {
    for (const [file, rows] of Object.entries(ACTIONS)) {
      for (const [name, row] of Object.entries(rows)) {
        if (allowed.has(name)) continue;
        const action = actionsWorld.built.find((a) => a.file === file && a.name === name)!;
        const before = await snapshot();
        const outcome = await callAction(pupil, BASE, pageOf(action), action.id, await (row.control?.call ?? row.call)());
        const label = `${file} ${name} before choosing a password`;
        expect.soft(outcome.status, `${label}: never a 500`).not.toBe(500);
        // The proxy sends them to choose a password first (307); an action it does not see refuses with 403.
        const sentToChoose = outcome.status === 307 && /^\/account\/password\?next=/.test(outcome.redirect ?? "");
        expect.soft(sentToChoose || outcome.status === 403, `${label} is refused: ${describeOutcome(outcome)}`).toBe(true);
        expect.soft(changedTables(before, await snapshot()), `${label} must write nothing`).toEqual([]);
      }
    }
  } finally {
    await pupil.dispose();
  }
});

test("signing up is open to anyone but makes a student, whatever role the form claims", async () => {
  const anonymous = await signedIn(null);
  const signUp = actionsWorld.built.find((a) => a.name === "signUpAction")!;
  const outcome = await callAction(anonymous, BASE, "/signup", signUp.id, ACTIONS["app/(public)/actions.ts"]!.signUpAction!.call());
  await anonymous.dispose();
  expect(outcome.redirect, describeOutcome(outcome)).toMatch(/^\/learn/);
  const { rows } = await actionsWorld.db.query(`SELECT "role" FROM "User" WHERE "email" = $1`, [`eve-${M}@example.test`]);
  expect(rows).toEqual([{ role: "STUDENT" }]);
});

test("the rightful caller's request of the same kind works, and the snapshot sees what it writes", async () => {
  test.setTimeout(90_000);
  const controls = Object.entries(ACTIONS)
    .flatMap(([file, rows]) => Object.entries(rows).map(([name, row]) => ({ file, name, control: row.control, sameAnswer: row.sameAnswer })))
    .filter((c) => c.control)
    .sort((a, b) => (a.control!.order ?? 0) - (b.control!.order ?? 0));
  for (const { file, name, control, sameAnswer } of controls) {
    const { as, reads } = control!;
    const call = await control!.call();
    // Signing in, out or anew changes the caller's cookies: those run from a context of their own.
    const fresh = as === "anonymous" || as === "pupilA";
    const context = fresh ? await signedIn(as === "pupilA" ? `${M}-pupil` : null) : callers.get(as)!;
    const action = actionsWorld.built.find((a) => a.name === name)!;
    const before = await snapshot();
    const outcome = await callAction(context, BASE, pageOf(action), action.id, call);
    const label = `${file} ${name} as ${as}`;
    if (process.env.SA_DEBUG) console.log("control", label, describeOutcome(outcome));
    if (!sameAnswer) expect.soft(isRefusal(outcome), `${label} must work: ${describeOutcome(outcome)}`).toBe(false);
    if (!reads) expect.soft(changedTables(before, await snapshot()), `${label} writes, and the snapshot sees it`).not.toEqual([]);
    if (fresh) await context.dispose();
  }
});

// ---- route handlers: every route file has a row, and another's ids get nothing ----

type TRoute = { open?: string; requests?: { method: "GET" | "PUT" | "POST"; path: () => string; body?: () => unknown; refused: TActor[]; owner: TActor }[] };
const answer = () => ({ questionId: "q7", value: { selected: ["b"] }, answeredAt: new Date().toISOString() });
const ROUTES: Record<string, TRoute> = {
  "app/api/attempts/[attemptId]/answers/route.ts": {
    requests: [{ method: "PUT", path: () => `/api/attempts/${W.attemptA}/answers`, body: answer, refused: ["anonymous", "studentB", "ownerA", "teacherB", "admin"], owner: "studentA" }],
  },
  "app/api/attempts/[attemptId]/submit/route.ts": {
    requests: [{ method: "POST", path: () => `/api/attempts/${W.attemptA}/submit`, body: () => ({ answers: [] }), refused: ["anonymous", "studentB", "ownerA", "teacherB", "admin"], owner: "studentA" }],
  },
  "app/(instructor)/teach/classes/[classId]/gradebook.csv/route.ts": {
    requests: [{ method: "GET", path: () => `/teach/classes/${W.classA}/gradebook.csv`, refused: ["anonymous", "studentA", "studentB", "teacherB", "admin"], owner: "ownerA" }],
  },
  "app/(admin)/admin/content/export.zip/route.ts": {
    requests: [{ method: "GET", path: () => "/admin/content/export.zip", refused: ["anonymous", "studentB", "teacherB", "ownerA"], owner: "admin" }],
  },
  "app/api/me/route.ts": { open: "tells the caller who they are (name and role), nothing about anyone else; 401 without a session" },
  "app/api/health/route.ts": { open: "a health check for the load balancer; reads nothing private" },
  "app/api/auth/[...nextauth]/route.ts": { open: "next-auth's own endpoints; signing in goes through signInAction, checked above" },
};

function routeFiles(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(`${dir}/${entry.name}`) : /^route\.tsx?$/.test(entry.name) ? [`${dir}/${entry.name}`] : [],
  );
}

test("every route handler has a row, and another's attempt, class or admin export gets nothing and changes nothing", async () => {
  expect(routeFiles().sort(), "route handlers without a row in ROUTES").toEqual(Object.keys(ROUTES).sort());
  const fire = (actor: TActor, r: NonNullable<TRoute["requests"]>[number]) =>
    callers.get(actor)!.fetch(r.path(), {
      method: r.method,
      headers: { origin: BASE, "content-type": "application/json" },
      ...(r.body ? { data: JSON.stringify(r.body()) } : {}),
      maxRedirects: 0,
    });
  for (const [file, route] of Object.entries(ROUTES)) {
    for (const r of route.requests ?? []) {
      for (const actor of r.refused) {
        const before = await snapshot();
        const response = await fire(actor, r);
        const label = `${r.method} ${file} as ${actor}`;
        const body = await response.text();
        if (process.env.SA_DEBUG) console.log(label, response.status(), response.headers()["location"] ?? "", body.slice(0, 200));
        expect.soft(response.status() >= 300 && response.status() !== 304, `${label} must be refused (${response.status()} ${body.slice(0, 200)})`).toBe(true);
        expect.soft(body, `${label} must not leak the victim's data`).not.toContain(`student-a ${M}`);
        expect.soft(changedTables(before, await snapshot()), `${label} must write nothing`).toEqual([]);
      }
      const response = await fire(r.owner, r);
      expect.soft(response.status(), `${r.method} ${file} as its owner ${r.owner} works`).toBe(200);
    }
  }
  const attempt = (await actionsWorld.db.query(`SELECT "status" FROM "Attempt" WHERE "id" = $1`, [W.attemptA])).rows[0];
  expect(attempt.status, "the owner's own submit went through, nobody else's").toBe("SUBMITTED");
});
