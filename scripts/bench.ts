/**
 * `npm run bench`: measures the production server under load, all in one run so the figures compare, on a
 * database seeded with a school of 2,000 students in 60 classes with a year's work (scripts/bench-school.ts).
 *   1. a static page of the app (/unavailable.html) — the baseline — and the landing page (/);
 *   2. a lesson page, rendered per request (its CSP nonce), as signed-in learners;
 *   3. sign-in (argon2id) by the school's students;
 *   4. answer saving (the autosave endpoint) and quiz submission (grading), as 50 learners;
 *   5. the compressed JavaScript a lesson page ships;
 *   6. the class progress grid for a class of the school and for a class of 200 students × 10 items;
 *   7. answer saving by 100 learners at their own pace, and a sustained run at 80% of the saving peak
 *      (50 connections capped at that rate, BENCH_SUSTAIN_SECONDS, 120 by default) that must end with
 *      zero errors;
 *   8. the lesson page and answer saving through nginx with one app node and with two;
 *   9. Lighthouse on the landing, lesson and quiz pages, and on a blank Next.js page (bench/blank-next) as a control.
 * Prints requests/s and p50/p95/p99 latency, and writes bench/results/<time>.json (committed, so runs can
 * be compared). Run through scripts/with-db.ts. BENCH_ONLY=grid runs the class grid measurement alone.
 */
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { chromium } from "playwright-core";
import { startAppProcess, waitForHealthy } from "../tests/support/app-process";
import { startNginx } from "../tests/support/nginx";
import { BENCH_PASSWORD, SCHOOL, seedSchool } from "./bench-school";
import { LIGHTHOUSE_HEADER, runBlankNextControl, runLighthouse } from "./lighthouse";
import { availableOrSkip, CHROMIUM } from "./system-tools";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const LESSON = "/learn/september-2023/from-blockade-to-exodus";
const COOKIE = "authjs.session-token";

type TUser = { id: string; cookie: string };

/** Learners made directly in the database, each with a session cookie minted like next-auth's own. */
async function createLearners(db: pg.Client, n: number, role: "STUDENT" | "INSTRUCTOR" = "STUDENT"): Promise<TUser[]> {
  const users: TUser[] = [];
  for (let i = 0; i < n; i++) {
    const id = `bench-${randomUUID()}`;
    await db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, 'x', $4, now())`,
      [id, `${id}@bench.test`, `Bench ${i}`, role],
    );
    const token = await encode({ token: { sub: id, uid: id, sv: 0 }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
    users.push({ id, cookie: `${COOKIE}=${token}` });
  }
  return users;
}

type TResult = { name: string; requestsPerSecond: number; p95Ms: number; p50Ms: number; p99Ms?: number; errors: number; non2xx: number; requests: number };

async function load(name: string, opts: autocannon.Options): Promise<TResult> {
  const r = await autocannon({ connections: CONNECTIONS, ...(opts.amount ? {} : { duration: DURATION }), ...opts });
  const result = {
    name,
    requestsPerSecond: Math.round(r.requests.average),
    p95Ms: (r.latency as unknown as Record<string, number>).p97_5 !== undefined ? percentile95(r) : r.latency.p99,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
  console.log(
    `${name.padEnd(34)} ${String(result.requestsPerSecond).padStart(6)} req/s   p50 ${result.p50Ms} ms   p95 ${result.p95Ms} ms   p99 ${result.p99Ms} ms   errors ${result.errors}   non-2xx ${result.non2xx}`,
  );
  return result;
}

/**
 * An open-model load: `rate` requests a second, evenly spaced (not in bursts), for `seconds`, each made
 * by `send(i)`; latency is measured per request. This is what 50 learners at their own pace look like.
 */
async function paced(name: string, rate: number, seconds: number, send: (i: number) => Promise<Response>): Promise<TResult> {
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const total = rate * seconds;
  await Promise.all(
    Array.from({ length: total }, async (_, i) => {
      const due = started + (i * 1000) / rate;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const t = performance.now();
      try {
        const response = await send(i);
        await response.arrayBuffer();
        if (!response.ok) {
          non2xx++;
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        }
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
  const result = { name, requestsPerSecond: rate, p95Ms: at(0.95), p50Ms: at(0.5), errors, non2xx, requests: latencies.length, ...(non2xx ? { statuses } : {}) };
  const detail = non2xx ? ` ${JSON.stringify(statuses)}` : "";
  console.log(`${name.padEnd(34)} ${String(rate).padStart(6)} req/s   p50 ${result.p50Ms} ms   p95 ${result.p95Ms} ms   errors ${errors}   non-2xx ${non2xx}${detail}   (paced)`);
  return result;
}

/**
 * A closed-model load: `workers` clients, each sending its next request when the last one is answered,
 * for `seconds`. `send` resolves true when the request did what it should (not only a 2xx).
 */
async function closedLoop(name: string, workers: number, seconds: number, send: (i: number) => Promise<boolean>): Promise<TResult> {
  const latencies: number[] = [];
  let errors = 0;
  let failed = 0;
  let n = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          if (!(await send(n++))) failed++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
  const result = { name, requestsPerSecond: Math.round(latencies.length / seconds), p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), errors, non2xx: failed, requests: latencies.length };
  console.log(
    `${name.padEnd(34)} ${String(result.requestsPerSecond).padStart(6)} req/s   p50 ${result.p50Ms} ms   p95 ${result.p95Ms} ms   p99 ${result.p99Ms} ms   errors ${errors}   failed ${failed}   (${workers} clients)`,
  );
  return result;
}

/**
 * The sign-in form's request as the browser sends it (a server action: next-auth's own POST endpoint is
 * closed, docs/decisions/003), captured once in Chromium so the benchmark replays exactly that.
 */
async function captureSignIn(email: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${BASE}/login`);
    const sent = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await page.getByLabel("Email or username").fill(email);
    await page.getByLabel("Password").fill(BENCH_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    const request = await sent;
    const { cookie: _c, "content-length": _l, host: _h, connection: _k, ...headers } = await request.allHeaders();
    return { url: request.url(), headers, body: request.postData()! };
  } finally {
    await browser.close();
  }
}

/** Sign-in (argon2id) by the school's students in turn; done only when a session cookie comes back. */
async function benchSignIn(emails: string[], workers: number): Promise<TResult> {
  const form = await captureSignIn(emails[0]!);
  const signIn = async (i: number) => {
    const response = await fetch(form.url, { method: "POST", headers: form.headers, body: form.body.replace(emails[0]!, emails[i % emails.length]!) });
    await response.arrayBuffer();
    return response.headers.getSetCookie().some((c) => c.startsWith(`${COOKIE}=`));
  };
  if (!(await signIn(1))) throw new Error("sign-in did not return a session");
  return closedLoop(`sign in, ${workers} at once`, workers, DURATION, signIn);
}

/** An app node; BENCH_NODE_ARGS are node's own flags (e.g. --cpu-prof), BENCH_SERVER_STDERR=1 shows its errors. */
function startNode(port: number) {
  return startAppProcess(port, {
    env: { TRUSTED_PROXY_HOPS: "1" },
    nodeArgs: process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [],
    stdio: ["ignore", "ignore", process.env.BENCH_SERVER_STDERR ? "inherit" : "ignore"],
  });
}

/**
 * The same lesson page and back-to-back saving through nginx, first with this node alone behind it,
 * then with a second node beside it: what a second node buys on this machine (docs/deploy.md).
 */
async function benchNodes(lessonRequest: autocannon.Options["requests"], savingRequests: () => autocannon.Options["requests"]) {
  const second = startNode(PORT + 1);
  const front = `http://127.0.0.1:${PORT + 2}`;
  const results: TResult[] = [];
  try {
    await waitForHealthy(`http://127.0.0.1:${PORT + 1}`);
    for (const nodes of [[PORT], [PORT, PORT + 1]]) {
      const nginx = startNginx(PORT + 2, nodes);
      try {
        await waitForHealthy(front);
        // Warm the second node's routes like the first one's.
        for (let i = 0; i < 20; i++) await (await fetch(`${front}/unavailable.html`)).arrayBuffer();
        results.push(await load(`lesson page via nginx, ${nodes.length} node${nodes.length > 1 ? "s" : ""}`, { url: `${front}${LESSON}`, requests: lessonRequest }));
        results.push(await load(`save answers via nginx, ${nodes.length} node${nodes.length > 1 ? "s" : ""}`, { url: front, requests: savingRequests() }));
      } finally {
        nginx.kill("SIGTERM");
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    second.kill("SIGTERM");
  }
  return results;
}

/** autocannon reports p90 and p97.5, not p95: interpolate between them (stated in the output). */
function percentile95(r: autocannon.Result): number {
  const l = r.latency as unknown as Record<string, number>;
  return Math.round((l.p90! + ((95 - 90) / (97.5 - 90)) * (l.p97_5! - l.p90!)) * 10) / 10;
}

const GRID_STUDENTS = 200;
const GRID_ITEMS = 10;

/**
 * A class of 200 students with 10 assigned items (every activity on its own, the rest whole modules),
 * some past due, with realistic work: most students submitted most activities (a quarter twice),
 * some are midway, some never started; a few extensions and score overrides.
 */
async function seedGridClass(db: pg.Client): Promise<{ classId: string; teacher: TUser }> {
  const [teacher] = await createLearners(db, 1, "INSTRUCTOR");
  // Ids as long as Prisma's cuids (25 characters), since they appear in every cell's link.
  const classId = `bench-c-${randomUUID().slice(0, 17)}`;
  await db.query(`INSERT INTO "Class" (id, name, term, "updatedAt") VALUES ($1, 'Bench 200', 'Benchmark', now())`, [classId]);
  await db.query(`INSERT INTO "ClassInstructor" ("classId", "userId", "isOwner") VALUES ($1, $2, true)`, [classId, teacher!.id]);
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
     SELECT 'bench-p' || substr($1, 9, 8) || '-' || lpad(i::text, 9, '0'), 'bench-p' || substr($1, 9, 8) || '-' || i || '@bench.test', 'Pupil ' || lpad(i::text, 3, '0'), 'x', 'STUDENT', now()
     FROM generate_series(1, $2::int) AS i`,
    [classId, GRID_STUDENTS],
  );
  await db.query(`INSERT INTO "ClassMember" ("classId", "userId") SELECT $1, id FROM "User" WHERE id LIKE 'bench-p' || substr($1, 9, 8) || '-%'`, [classId]);
  const activities = (await db.query(`SELECT id FROM "Activity" ORDER BY "moduleId", "order"`)).rows.map((r) => r.id as string);
  const modules = (await db.query(`SELECT id FROM "Module" ORDER BY "order"`)).rows.map((r) => r.id as string);
  const targets = [...activities.map((id) => ({ activityId: id, moduleId: null })), ...modules.map((id) => ({ activityId: null, moduleId: id }))].slice(0, GRID_ITEMS);
  for (const [i, t] of targets.entries()) {
    // Half the items are past due (so missing work is overdue), half due in the coming weeks.
    await db.query(
      `INSERT INTO "Assignment" (id, "classId", "moduleId", "activityId", "opensAt", "dueAt", "timeZone", feedback)
       VALUES ($1, $2, $3, $4, now() - interval '30 days', now() + ($5 || ' days')::interval, 'Europe/Berlin', 'IMMEDIATE')`,
      [`bench-a-${randomUUID().slice(0, 17)}`, classId, t.moduleId, t.activityId, String(i * 3 - 14)],
    );
  }
  // Per student and activity: 75% submitted (a third of them twice), 10% in progress, the rest nothing.
  await db.query(
    `WITH pairs AS (
       SELECT m."userId", a.id AS "activityId", random() AS r, random() AS score
       FROM "ClassMember" m CROSS JOIN "Activity" a WHERE m."classId" = $1
     )
     INSERT INTO "Attempt" (id, "userId", "activityId", number, status, "openSlot", score, "maxScore", "submittedAt", "updatedAt")
     SELECT 'bench-' || gen_random_uuid(), "userId", "activityId", n,
       CASE WHEN r < 0.75 THEN 'SUBMITTED' ELSE 'IN_PROGRESS' END::"AttemptStatus",
       CASE WHEN r < 0.75 THEN NULL ELSE 'open' END,
       CASE WHEN r < 0.75 THEN round((score * 10)::numeric, 1) END, CASE WHEN r < 0.75 THEN 10 END,
       CASE WHEN r < 0.75 THEN now() - ((r * 40) || ' days')::interval - (n || ' hours')::interval END, now()
     FROM pairs CROSS JOIN LATERAL generate_series(1, CASE WHEN r < 0.25 THEN 2 ELSE 1 END) AS n
     WHERE r < 0.85`,
    [classId],
  );
  await db.query(
    `INSERT INTO "AssignmentExtension" ("assignmentId", "userId", "dueAt")
     SELECT a.id, m."userId", a."dueAt" + interval '7 days' FROM "Assignment" a JOIN "ClassMember" m ON m."classId" = a."classId"
     WHERE a."classId" = $1 AND random() < 0.05`,
    [classId],
  );
  await db.query(
    `INSERT INTO "AssignmentGrade" ("assignmentId", "userId", "overrideScore", comment, "updatedById", "updatedAt")
     SELECT a.id, m."userId", 90, 'Discussed in class', $2, now()
     FROM "Assignment" a JOIN "ClassMember" m ON m."classId" = a."classId" WHERE a."classId" = $1 AND random() < 0.02`,
    [classId, teacher!.id],
  );
  return { classId, teacher: teacher! };
}

/** The instructor's class page: one teacher looking (serial), then 10 at once. */
async function benchClassGrid(db: pg.Client): Promise<{ results: TResult[]; htmlKb: number; students: number; items: number }> {
  const { classId, teacher } = await seedGridClass(db);
  const url = `${BASE}/teach/classes/${classId}`;
  const headers = { cookie: teacher.cookie };
  const first = await fetch(url, { headers });
  const html = await first.text();
  if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, html);
  if (!first.ok || !html.includes("Pupil 200")) throw new Error(`the class grid did not render (HTTP ${first.status})`);
  for (let i = 0; i < 10; i++) await (await fetch(url, { headers })).arrayBuffer();
  const results = [
    await load(`class grid ${GRID_STUDENTS}×${GRID_ITEMS}, 1 teacher`, { url, headers, connections: 1 }),
    await load(`class grid ${GRID_STUDENTS}×${GRID_ITEMS}, 10 teachers`, { url, headers, connections: 10 }),
  ];
  return { results, htmlKb: +(Buffer.byteLength(html) / 1024).toFixed(0), students: GRID_STUDENTS, items: GRID_ITEMS };
}

async function lessonJavaScript(cookie: string) {
  const html = await (await fetch(`${BASE}${LESSON}`, { headers: { cookie } })).text();
  // `noModule` scripts are polyfills that modern browsers neither download nor run.
  const srcs = [...new Set([...html.matchAll(/<script(?![^>]*noModule)[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let external = 0;
  for (const src of srcs) external += gzipSync(Buffer.from(await (await fetch(`${BASE}${src}`)).arrayBuffer())).length;
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  return { scripts: srcs.length, externalGzipKb: +(external / 1024).toFixed(1), inlineGzipKb: +(gzipSync(inline).length / 1024).toFixed(1) };
}

async function main() {
  const server = startNode(PORT);
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await waitForHealthy(BASE);
    if (process.env.BENCH_ONLY === "grid") {
      const grid = await benchClassGrid(db);
      console.log(`class grid page: ${grid.htmlKb} kB of HTML`);
      return;
    }
    const seeded = performance.now();
    const school = await seedSchool(db);
    console.log(
      `school: ${SCHOOL.students} students in ${SCHOOL.classes} classes, ${school.attempts} attempts, ${school.answers} answers (${Math.round(performance.now() - seeded)} ms)`,
    );
    // Two cohorts: 100 learners answer at a learner's pace, 50 as fast as the server allows.
    const PACED = 2 * CONNECTIONS;
    const users = await createLearners(db, PACED + CONNECTIONS);
    const quiz = (await db.query(`SELECT id, definition FROM "Activity" WHERE slug = 'september-2023-quiz'`)).rows[0];
    const choice = quiz.definition.questions.find((q: { type: string }) => q.type === "choice");
    const activities = (await db.query(`SELECT id FROM "Activity"`)).rows.map((r) => r.id as string);
    // Every learner gets an open attempt at every activity: the pool that saving and submission use.
    type TAttempt = { user: TUser; attemptId: string; onQuiz: boolean };
    const attempts: TAttempt[] = [];
    for (const user of users) {
      for (const activityId of activities) {
        const id = `bench-${randomUUID()}`;
        await db.query(`INSERT INTO "Attempt" (id, "userId", "activityId", number, "updatedAt") VALUES ($1, $2, $3, 1, now())`, [id, user.id, activityId]);
        attempts.push({ user, attemptId: id, onQuiz: activityId === quiz.id });
      }
    }
    const pacedPool = attempts.filter((a) => users.indexOf(a.user) < PACED);
    const burst = attempts.filter((a) => users.indexOf(a.user) >= PACED);

    /** Autosaves of the quiz's choice question, spread over the cohort's open quiz attempts. */
    const saving = (pool: TAttempt[]) => {
      const quizAttempts = pool.filter((a) => a.onQuiz);
      let i = 0;
      return [
        {
          setupRequest: (req: autocannon.Request) => {
            const a = quizAttempts[i++ % quizAttempts.length]!;
            return {
              ...req,
              method: "PUT" as const,
              path: `/api/attempts/${a.attemptId}/answers`,
              headers: { ...req.headers, cookie: a.user.cookie, "content-type": "application/json" },
              body: JSON.stringify({ questionId: choice.id, value: { selected: [choice.options[i % choice.options.length].id] }, answeredAt: new Date().toISOString() }),
            };
          },
        },
      ];
    };
    /** Each request submits (and grades) a different open attempt of the cohort. */
    const submitting = (pool: TAttempt[]) => {
      let i = 0;
      return [
        {
          setupRequest: (req: autocannon.Request) => {
            const a = pool[i++ % pool.length]!;
            return {
              ...req,
              method: "POST" as const,
              path: `/api/attempts/${a.attemptId}/submit`,
              headers: { ...req.headers, cookie: a.user.cookie, "content-type": "application/json" },
              body: JSON.stringify({ answers: [] }),
            };
          },
        },
      ];
    };

    // Warm up every route (module loading, JIT, connection pools) before measuring.
    const cookie = users[0]!.cookie;
    for (let i = 0; i < 20; i++) {
      await fetch(`${BASE}/`);
      await fetch(`${BASE}/unavailable.html`);
      await fetch(`${BASE}${LESSON}`, { headers: { cookie } });
      await fetch(`${BASE}/api/attempts/warm-up/answers`, { method: "PUT", headers: { cookie, "content-type": "application/json" }, body: "{}" });
      await fetch(`${BASE}/api/attempts/warm-up/submit`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: "{}" });
    }

    // Lighthouse first, on a quiet server: load left over from the runs below moves its scores a lot.
    // BENCH_LIGHTHOUSE=0 skips it; LIGHTHOUSE_RUNS (1 here) audits each page and preset that many times.
    let lighthouse = null;
    const browser = availableOrSkip("chromium", "Lighthouse, and sign-in (its request is captured in a browser)");
    if (process.env.BENCH_LIGHTHOUSE !== "0" && browser) {
      console.log(`\n${LIGHTHOUSE_HEADER}`);
      const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
      lighthouse = { ...(await runLighthouse({ baseUrl: BASE, cookie, runs })), blankNext: await runBlankNextControl(PORT + 3, runs) };
    }

    console.log(`\n${CONNECTIONS} connections, ${DURATION} s each; p95 interpolated from autocannon's p90 and p97.5\n`);
    const results: TResult[] = [];
    results.push(await load("static page (/unavailable.html)", { url: `${BASE}/unavailable.html` }));
    let n = 0;
    const asLearners = [{ setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...req.headers, cookie: users[n++ % users.length]!.cookie } }) }];
    results.push(await load("lesson page (signed in)", { url: `${BASE}${LESSON}`, requests: asLearners }));
    results.push(await load("landing page (/)", { url: `${BASE}/` }));
    if (browser) results.push(await benchSignIn(school.studentEmails, 10));
    // Paced: learners each saving an answer every second, and submissions at 5 a second, evenly spread.
    const pacedQuiz = pacedPool.filter((a) => a.onQuiz);
    const save = (i: number) => {
      const a = pacedQuiz[i % pacedQuiz.length]!;
      return fetch(`${BASE}/api/attempts/${a.attemptId}/answers`, {
        method: "PUT",
        headers: { cookie: a.user.cookie, "content-type": "application/json" },
        body: JSON.stringify({ questionId: choice.id, value: { selected: [choice.options[i % choice.options.length].id] }, answeredAt: new Date().toISOString() }),
      });
    };
    results.push(await paced("save answers, 50 learners at 1/s", CONNECTIONS, DURATION, save));
    results.push(await paced("save answers, 100 learners at 1/s", PACED, DURATION, save));
    results.push(
      await paced("submit attempts, 5/s", 5, 8, (i) => {
        // Not the quiz attempts that the saving runs write to: an answer to a submitted attempt is refused (409).
        const a = pacedPool.filter((x) => !x.onQuiz)[i]!;
        return fetch(`${BASE}/api/attempts/${a.attemptId}/submit`, {
          method: "POST",
          headers: { cookie: a.user.cookie, "content-type": "application/json" },
          body: JSON.stringify({ answers: [] }),
        });
      }),
    );
    // Saturation: the same 50 connections sending back-to-back.
    const peak = await load("save answers, back-to-back", { url: BASE, requests: saving(burst) });
    results.push(peak);
    const sustainSeconds = Number(process.env.BENCH_SUSTAIN_SECONDS ?? 120);
    // The same 50 connections, capped at 80% of the peak rate overall (autocannon's rate limit): the
    // load generator stays as light as in the peak run, so the server, not the generator, is measured.
    const sustained = await load(`save answers, 80% of peak for ${sustainSeconds} s`, {
      url: BASE,
      duration: sustainSeconds,
      overallRate: Math.floor(0.8 * peak.requestsPerSecond),
      requests: saving(burst),
    });
    results.push(sustained);
    results.push(await load("submit attempts, back-to-back", { url: BASE, amount: burst.length, requests: submitting(burst) }));
    const [schoolTeacher] = await createLearners(db, 1, "INSTRUCTOR");
    await db.query(`INSERT INTO "ClassInstructor" ("classId", "userId") VALUES ($1, $2)`, [school.classIds[0], schoolTeacher!.id]);
    results.push(
      await load(`class grid, a class of the school`, { url: `${BASE}/teach/classes/${school.classIds[0]}`, headers: { cookie: schoolTeacher!.cookie }, connections: 10 }),
    );
    const grid = await benchClassGrid(db);
    results.push(...grid.results);
    // The paced cohort's quiz attempts are still open (the back-to-back submissions closed the burst cohort's).
    if (availableOrSkip("nginx", "the lesson page and saving through nginx with one node and two")) {
      results.push(...(await benchNodes(asLearners, () => saving(pacedPool))));
    }
    console.log(`class grid page: ${grid.htmlKb} kB of HTML`);
    const graded = (await db.query(`SELECT count(*)::int AS n FROM "Attempt" WHERE id LIKE 'bench-%' AND id NOT LIKE 'bench-h-%' AND status = 'SUBMITTED' AND result IS NOT NULL`)).rows[0].n;
    const js = await lessonJavaScript(users[0]!.cookie);
    const ratio = results[1]!.requestsPerSecond / results[0]!.requestsPerSecond;
    console.log(`\nlesson/static throughput: ${(ratio * 100).toFixed(0)}% (target ≥ 50%)`);
    console.log(`submissions graded: ${graded} (every request that was sent a fresh attempt)`);
    console.log(`lesson page JavaScript: ${js.scripts} scripts, ${js.externalGzipKb} kB gzip + ${js.inlineGzipKb} kB inline RSC payload (target ≤ 150 kB)`);
    console.log(`sustained saving at 80% of peak: ${sustained.errors + sustained.non2xx} errors in ${sustained.requests} requests (target 0)`);
    const at = new Date().toISOString();
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/${at.slice(0, 19).replace(/:/g, "")}.json`;
    writeFileSync(
      file,
      JSON.stringify({ at, machine: "2 cores", connections: CONNECTIONS, durationSeconds: DURATION, school: { ...SCHOOL, attempts: school.attempts, answers: school.answers }, results, lessonToStaticRatio: ratio, graded, lessonJavaScript: js, lighthouse, classGrid: { students: grid.students, items: grid.items, htmlKb: grid.htmlKb } }, null, 2),
    );
    console.log(`results written to ${file}`);
  } finally {
    await db.query(`DELETE FROM "Assignment" WHERE id LIKE 'bench-%'`).catch(() => {});
    await db.query(`DELETE FROM "Class" WHERE id LIKE 'bench-%'`).catch(() => {});
    await db.query(`DELETE FROM "User" WHERE id LIKE 'bench-%'`).catch(() => {});
    await db.end();
    server.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
