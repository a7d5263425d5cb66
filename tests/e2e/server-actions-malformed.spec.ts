import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { actionResult, callAction, type TCall, type TForm, type TOutcome, type TRaw } from "./server-actions";
import { createActionsWorld, type TActor, type TRow } from "./server-actions-world";

/*
 * Every server action of the production build (the same table as server-actions-refused.spec.ts, so a new
 * action is fuzzed as soon as it has its row there), POSTed over HTTP by its rightful caller with its
 * valid request, each field in turn replaced by something malformed: a NUL byte inside the text, broken
 * UTF-8 bytes, NaN, 1e309, -0, a 20-digit number, an empty value, 1 MB of text, and for JSON arguments an
 * array and an object where a string belongs; then the valid request with extra `role` and `userId` fields,
 * and a body over the 4 MB limit, sent with its Content-Length and sent chunked without one. What a user
 * would notice: never a 5xx or a stack trace, but the message the form shows (or a redirect, or a 4xx); a
 * refusal writes nothing; broken UTF-8 is refused with a 400 and an oversized body with a 413, whichever
 * field and however it is sent (scripts/serve.ts); the extra fields change no one's role and nothing of
 * the user they name.
 */

test.describe.configure({ mode: "serial" });

const actionsWorld = createActionsWorld();
const { BASE, M, W, USERS, ACTIONS, snapshot, changedTables, signedIn, describeOutcome, pageOf } = actionsWorld;

test.beforeAll(() => actionsWorld.open());
test.afterAll(() => actionsWorld.close());

const MB = "x".repeat(1024 * 1024);
/** Bytes that are not UTF-8: a lead byte without its continuation, bytes never used, an encoded surrogate, a cut-off sequence. */
const BROKEN = Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0xe2, 0x82]);
const withNul = (text: string) => (text ? `${text.slice(0, Math.ceil(text.length / 2))}\u0000${text.slice(Math.ceil(text.length / 2))}` : "a\u0000b");
const text = (value: unknown) => (typeof value === "string" ? value : "");

type TVariant = { what: string; value: unknown };

/** Malformed values for a form field (everything a form sends is text, or bytes that should be text). */
const formVariants = (valid: unknown): TVariant[] => [
  { what: "a NUL byte", value: withNul(text(valid)) },
  { what: "broken UTF-8", value: { raw: Buffer.concat([Buffer.from(text(valid)), BROKEN]) } satisfies TRaw },
  { what: "NaN", value: "NaN" },
  { what: "1e309", value: "1e309" },
  { what: "-0", value: "-0" },
  { what: "a 20-digit number", value: "12345678901234567890" },
  { what: "empty", value: "" },
  { what: "1 MB of text", value: MB },
];

/**
 * Malformed values for a JSON argument, as React's reply encoding carries them: NaN and -0 as "$NaN" and
 * "$-0" (decoded to numbers), 1e309 and a 20-digit number as bare JSON numbers (Infinity, a rounded number).
 */
const jsonVariants = (valid: unknown): TVariant[] => [
  { what: "a NUL byte", value: withNul(text(valid)) },
  { what: "broken UTF-8", value: { raw: Buffer.concat([Buffer.from(`"${text(valid)}`), BROKEN, Buffer.from('"')]) } satisfies TRaw },
  { what: "NaN", value: "$NaN" },
  { what: "the text NaN", value: "NaN" },
  { what: "1e309", value: { raw: Buffer.from("1e309") } satisfies TRaw },
  { what: "-0", value: "$-0" },
  { what: "a 20-digit number", value: { raw: Buffer.from("12345678901234567890") } satisfies TRaw },
  { what: "an array", value: ["a", "b"] },
  { what: "an object", value: { a: "b" } },
  { what: "empty", value: "" },
  { what: "1 MB of text", value: MB },
];

/** The valid request with each field (of a form, or of each JSON argument) replaced in turn. */
function variantsOf(call: TCall): { label: string; call: TCall }[] {
  if ("json" in call) {
    return call.json.flatMap((arg, index) => {
      if (arg && typeof arg === "object" && !Array.isArray(arg)) {
        return Object.entries(arg).flatMap(([key, valid]) =>
          jsonVariants(valid).map(({ what, value }) => ({
            label: `${key}: ${what}`,
            call: { json: call.json.map((a, i) => (i === index ? { ...(a as object), [key]: value } : a)) },
          })),
        );
      }
      return jsonVariants(arg).map(({ what, value }) => ({ label: `argument ${index}: ${what}`, call: { json: call.json.map((a, i) => (i === index ? value : a)) } }));
    });
  }
  const fields = "state" in call ? call.state : call.form;
  const wrap = (form: TForm): TCall => ("state" in call ? { state: form } : { form });
  return Object.entries(fields).flatMap(([key, valid]) =>
    formVariants(Array.isArray(valid) ? valid[0] : valid).map(({ what, value }) => ({ label: `${key}: ${what}`, call: wrap({ ...fields, [key]: value as TForm[string] }) })),
  );
}

/** Whom the extra `userId` names: a student other than the caller. */
const bystanderOf = (actor: TActor) => (actor === "studentB" ? W.studentA : W.studentB);

/** The valid request with `role` and `userId` fields it does not have: someone else's id, the admin role. */
function withExtraFields(call: TCall, actor: TActor): TCall | null {
  const extra = { role: "ADMIN", userId: bystanderOf(actor) };
  if ("json" in call) {
    const index = call.json.findIndex((a) => a && typeof a === "object" && !Array.isArray(a));
    if (index < 0) return null;
    const arg = call.json[index] as Record<string, unknown>;
    return { json: call.json.map((a, i) => (i === index ? { ...extra, ...arg } : a)) };
  }
  const fields = "state" in call ? call.state : call.form;
  const added = Object.fromEntries(Object.entries(extra).filter(([key]) => !(key in fields)));
  if (!Object.keys(added).length) return null;
  return "state" in call ? { state: { ...added, ...fields } } : { form: { ...added, ...fields } };
}

type TAnswer = "crash" | "refused" | "done" | "unknown";

/** What the user would see: an error (a crash, if it is ours), a refusal with a message, or the thing done. */
function answerOf(outcome: TOutcome): TAnswer {
  if (outcome.status === 0 || outcome.status >= 500) return "crash";
  if (outcome.status >= 400) return "refused";
  if (outcome.redirect) return /^\/login(\?next=[^&;]*)?(;\w+)?$/.test(outcome.redirect.replace(/^https?:\/\/[^/]+/, "")) ? "refused" : "done";
  const result = actionResult(outcome.text);
  // A form action that returns nothing (the admin's user buttons) has done its work.
  if (result === null) return /^0:\{"a":"\$undefined"/m.test(outcome.text) ? "done" : "unknown";
  if (/^E\{/.test(result) || /"code":"SERVER"/.test(result)) return "crash";
  if (/"ok":false|"error":"|"fieldErrors":\{"/.test(result) && !/"ok":("|true)/.test(result) && !/"accounts":\[\{/.test(result)) return "refused";
  return "done";
}

/** Signs of a stack trace or of the server's files in what the browser receives. */
const LEAK = /\bat (?:async )?[\w$.<>[\] ]+ \((?:\/|file:|node:)[^)]*:\d+:\d+\)|\/work\/|node_modules\/|\.next\/server\/|webpack-internal:|PrismaClient\w*Error|invalid byte sequence|ZodError|"stack":"/;

/** Roles of the world's users and of everyone this run created, and every row of the user the extra `userId` names. */
async function rolesAndBystander(bystander: string) {
  const { rows: users } = await actionsWorld.db.query(`SELECT "id", "role" FROM "User" WHERE "id" = ANY($1) OR "email" LIKE $2 OR "username" LIKE $2 ORDER BY "id"`, [USERS, `%${M}%`]);
  const { rows } = await actionsWorld.db.query(
    `SELECT md5(string_agg(x, '|' ORDER BY x)) AS h FROM (
       SELECT row_to_json(u)::text AS x FROM "User" u WHERE "id" = $1
       UNION ALL SELECT row_to_json(c)::text FROM "ClassMember" c WHERE "userId" = $1
       UNION ALL SELECT row_to_json(c)::text FROM "ClassInstructor" c WHERE "userId" = $1
       UNION ALL SELECT row_to_json(a)::text FROM "Attempt" a WHERE "userId" = $1
       UNION ALL SELECT row_to_json(p)::text FROM "LessonProgress" p WHERE "userId" = $1
       UNION ALL SELECT row_to_json(g)::text FROM "AssignmentGrade" g WHERE "userId" = $1
       UNION ALL SELECT row_to_json(e)::text FROM "AssignmentExtension" e WHERE "userId" = $1
       UNION ALL SELECT row_to_json(t)::text FROM "PasswordResetToken" t WHERE "userId" = $1) rows`,
    [bystander],
  );
  return { roles: users as { id: string; role: string }[], bystander: rows[0].h as string };
}

/**
 * NOTE: wrong passwords, reset tokens and join codes among the variants count against this client
 * (127.0.0.1), which every e2e test comes from. What this test added to the per-address counts is taken
 * back after each request, so the fuzzing leaves other tests' limits as they were. (Only those: a test
 * running beside this one counts against its own accounts, and taking that back would undo its counts.)
 */
async function clientFailures(): Promise<Map<string, number>> {
  const { rows } = await actionsWorld.db.query(
    `SELECT "key", "points" FROM "RateLimit" WHERE "key" LIKE 'signIn.address:%' OR "key" LIKE 'resetLink:%' OR "key" LIKE 'joinCode.address:%'`,
  );
  return new Map(rows.map((r: { key: string; points: number }) => [r.key, r.points]));
}
async function takeBackFailures(before: Map<string, number>) {
  for (const [key, points] of await clientFailures()) {
    const added = points - (before.get(key) ?? 0);
    if (added > 0) await actionsWorld.db.query(`UPDATE "RateLimit" SET "points" = GREATEST("points" - $2, 0) WHERE "key" = $1`, [key, added]);
  }
}

/** The rightful caller's context: a fresh one for a caller without a session; the pupil signed in again if a variant signed them out. */
async function contextOf(actor: TActor, pupil: { context: APIRequestContext | null }): Promise<{ context: APIRequestContext; dispose: boolean }> {
  if (actor === "anonymous") return { context: await signedIn(null), dispose: true };
  if (actor !== "pupilA") return { context: actionsWorld.callers.get(actor)!, dispose: false };
  if (pupil.context && (await pupil.context.get("/api/me")).status() === 200) return { context: pupil.context, dispose: false };
  await pupil.context?.dispose();
  pupil.context = await signedIn(`${M}-pupil`);
  return { context: pupil.context, dispose: false };
}

function rightfulOf(row: TRow): { as: TActor; call: () => TCall | Promise<TCall>; checked: boolean } | null {
  if (row.control) return { as: row.control.as, call: row.control.call, checked: true };
  if (row.rightful) return { as: row.rightful, call: row.call, checked: false };
  return null;
}

test("the admin makes a draft source, module, lesson and activity over HTTP (the targets of the content actions)", async () => {
  await actionsWorld.build();
});

test("every server action, sent malformed fields by its rightful caller, answers with the form's message, never a 500 or a stack trace, and writes nothing", async () => {
  test.setTimeout(240_000);
  const pupil: { context: APIRequestContext | null } = { context: null };
  // In the order the table's controls run: the actions that delete what others need come last.
  const rows = Object.entries(ACTIONS)
    .flatMap(([file, actions]) => Object.entries(actions).map(([name, row]) => ({ file, name, row })))
    .sort((a, b) => (a.row.control?.order ?? 0) - (b.row.control?.order ?? 0));
  expect(rows.filter(({ row }) => !rightfulOf(row)).map(({ name }) => name), "rows with neither a control nor a rightful caller: say who may call it").toEqual([]);
  let requests = 0;
  // The snapshot after a refusal is the one before the next request, unless making that request's input
  // wrote something (a control that first asks the admin for a reset link).
  let last: Record<string, string> | null = null;
  for (const { file, name, row } of rows) {
    const rightful = rightfulOf(row)!;
    const action = actionsWorld.built.find((a) => a.file === file && a.name === name)!;
    // The extra fields first, on the valid request (which must work): it runs before any variant has locked or changed anything.
    const extra = rightful.checked ? withExtraFields(await rightful.call(), rightful.as) : null;
    const requestsOfRow: { label: string; call: () => Promise<TCall>; extra?: true; status?: number; chunked?: true }[] = [
      ...(extra ? [{ label: "extra role and userId fields", call: async () => withExtraFields(await rightful.call(), rightful.as)!, extra: true as const }] : []),
      ...variantsOf(await rightful.call()).map((v, i) => ({
        label: v.label,
        call: async () => variantsOf(await rightful.call())[i]!.call,
        ...(/broken UTF-8/.test(v.label) ? { status: 400 } : {}),
      })),
      { label: "a body over the 4 MB limit", call: async () => oversized(await rightful.call()), status: 413 },
      { label: "a chunked body over the 4 MB limit (no Content-Length)", call: async () => oversized(await rightful.call()), status: 413, chunked: true as const },
    ];
    const writesToMakeCall = rightful.call() instanceof Promise;
    for (const request of requestsOfRow) {
      const call = await request.call();
      if (writesToMakeCall) last = null;
      const label = `${file} ${name} as ${rightful.as}, ${request.label}`;
      const { context, dispose } = await contextOf(rightful.as, pupil);
      const limits = await clientFailures();
      const before = last ?? (await snapshot());
      last = null;
      const people = request.extra ? await rolesAndBystander(bystanderOf(rightful.as)) : null;
      const started = Date.now();
      const outcome = await callAction(context, BASE, pageOf(action), action.id, call, { chunked: request.chunked });
      const took = Date.now() - started;
      requests++;
      await takeBackFailures(limits);
      if (dispose) await context.dispose();
      const answer = answerOf(outcome);
      if (process.env.SA_DEBUG) console.log(label, answer, `${took} ms`, describeOutcome(outcome));
      expect.soft(outcome.status, `${label}: the action exists`).not.toBe(409);
      expect.soft(answer, `${label}: a message, a redirect or a 4xx, never a crash (${describeOutcome(outcome)})`).not.toMatch(/crash|unknown/);
      expect.soft(outcome.text, `${label}: no stack trace or server path (${describeOutcome(outcome)})`).not.toMatch(LEAK);
      if (request.status) expect.soft(outcome.status, `${label}: refused before the action runs (${describeOutcome(outcome)})`).toBe(request.status);
      if (answer === "refused") {
        last = await snapshot();
        expect.soft(changedTables(before, last), `${label}: refused, so nothing written`).toEqual([]);
      }
      if (people) {
        const after = await rolesAndBystander(bystanderOf(rightful.as));
        expect.soft(answer, `${label}: the valid request still works (${describeOutcome(outcome)})`).toBe("done");
        expect.soft(after.roles.filter((u) => people.roles.some((b) => b.id === u.id)), `${label}: nobody's role changed`).toEqual(people.roles);
        expect.soft(after.roles.filter((u) => !people.roles.some((b) => b.id === u.id) && u.role !== "STUDENT"), `${label}: new accounts are students`).toEqual([]);
        expect.soft(after.bystander, `${label}: nothing of the user the extra userId names changed`).toBe(people.bystander);
      }
    }
  }
  await pupil.context?.dispose();
  expect(requests, "requests sent").toBeGreaterThan(300);
});

/** The valid request with 5 MB more in one field: over next.config.js's 4 MB server-actions limit. */
function oversized(call: TCall): TCall {
  const big = "x".repeat(5 * 1024 * 1024);
  if ("json" in call) return { json: [...call.json, big] };
  return "state" in call ? { state: { ...call.state, padding: big } } : { form: { ...call.form, padding: big } };
}

test("a file's bytes are not text: a course file that is not UTF-8 reaches the import action, which explains what is wrong, and nothing is written", async () => {
  const action = actionsWorld.built.find((a) => a.name === "importCourseAction")!;
  const notAZip = Buffer.concat([Buffer.from("PK\u0003\u0004"), BROKEN, Buffer.alloc(64, 0xff)]);
  const before = await snapshot();
  const outcome = await callAction(actionsWorld.callers.get("admin")!, BASE, pageOf(action), action.id, {
    state: { file: { name: "course.zip", mimeType: "application/zip", buffer: notAZip } },
  });
  expect(outcome.status, describeOutcome(outcome)).toBe(200);
  expect(actionResult(outcome.text), "the import form's own message").toMatch(/"error":"[^"]+"/);
  expect(outcome.text).not.toMatch(LEAK);
  expect(changedTables(before, await snapshot()), "nothing imported").toEqual([]);
});

test("the autosave and submit routes refuse malformed bodies from the attempt's owner with a 4xx, and the attempt stays open", async () => {
  const owner = actionsWorld.callers.get("studentA")!;
  const at = new Date().toISOString();
  const written = (text: string) => ({ questionId: "q9", value: { text }, answeredAt: at });
  const bodies: [string, string | Buffer][] = [
    ["a NUL byte in a written answer", JSON.stringify(written("My answer\u0000 goes on"))],
    ["broken UTF-8 in a written answer", Buffer.concat([Buffer.from('{"questionId":"q9","value":{"text":"'), BROKEN, Buffer.from(`"},"answeredAt":"${at}"}`)])],
    ["NaN", `{"questionId":"q9","value":{"text":NaN},"answeredAt":"${at}"}`],
    ["1e309 as the time", `{"questionId":"q9","value":{"text":"x"},"answeredAt":1e309}`],
    ["a 20-digit time", `{"questionId":"q9","value":{"text":"x"},"answeredAt":12345678901234567890}`],
    ["an object for the question", JSON.stringify({ ...written("x"), questionId: { id: "q9" } })],
    ["1 MB of text", JSON.stringify(written(MB))],
  ];
  // An answer that does not fit its question is refused by the autosave; a submission skips it by design
  // (lib/attempts/submit-attempt.ts) and grades the stored one, so it is sent to the autosave only.
  const unfit = await owner.fetch(`/api/attempts/${W.attemptA}/answers`, {
    method: "PUT",
    headers: { origin: BASE, "content-type": "application/json" },
    data: JSON.stringify({ ...written("x"), value: { text: ["a", "b"] } }),
  });
  expect(unfit.status(), "an array for a written answer's text").toBe(400);
  const before = await snapshot();
  for (const [what, body] of bodies) {
    for (const [method, path, data] of [
      ["PUT", `/api/attempts/${W.attemptA}/answers`, body],
      // The submit route carries every answer: the same one inside its list (raw bytes spliced in where it is not JSON text).
      ["POST", `/api/attempts/${W.attemptA}/submit`, Buffer.concat([Buffer.from('{"answers":['), Buffer.from(body), Buffer.from("]}")])],
    ] as const) {
      const response = await owner.fetch(path, { method, headers: { origin: BASE, "content-type": "application/json" }, data });
      const text = await response.text();
      const label = `${method} ${path.split("/").pop()} with ${what}`;
      if (process.env.SA_DEBUG) console.log(label, response.status(), text.slice(0, 200));
      expect.soft(response.status(), `${label}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect.soft(response.status(), `${label}: ${text.slice(0, 200)}`).toBeLessThan(500);
      expect.soft(text, label).not.toMatch(LEAK);
    }
  }
  expect(changedTables(before, await snapshot()), "nothing saved, nothing submitted").toEqual([]);
});
