/**
 * `npm run bench`: measures the production server under load, all in one run so the figures compare.
 *   1. a static page of the app (/) — the baseline;
 *   2. a lesson page, server-rendered from the database, as signed-in learners;
 *   3. answer saving (the autosave server action) and 4. quiz submission (grading), as 50 learners;
 *   5. the compressed JavaScript a lesson page ships.
 * Prints requests/s and p95 latency, and writes bench-results/latest.json. Run through scripts/with-db.ts.
 */
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import pg from "pg";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const LESSON = "/learn/september-2023/from-blockade-to-exodus";
const COOKIE = "authjs.session-token";

type TUser = { id: string; cookie: string };

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

/** Learners made directly in the database, each with a session cookie minted like next-auth's own. */
async function createLearners(db: pg.Client, n: number): Promise<TUser[]> {
  const users: TUser[] = [];
  for (let i = 0; i < n; i++) {
    const id = `bench-${randomUUID()}`;
    await db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, 'x', 'STUDENT', now())`,
      [id, `${id}@bench.test`, `Bench ${i}`],
    );
    const token = await encode({ token: { sub: id, uid: id, sv: 0 }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
    users.push({ id, cookie: `${COOKIE}=${token}` });
  }
  return users;
}

function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8"));
  const entry = Object.entries(manifest.node as Record<string, { exportedName: string }>).find(([, v]) => v.exportedName === name);
  if (!entry) throw new Error(`no server action ${name} in the build`);
  return entry[0];
}

type TResult = { name: string; requestsPerSecond: number; p95Ms: number; p50Ms: number; errors: number; non2xx: number; requests: number };

async function load(name: string, opts: autocannon.Options): Promise<TResult> {
  const r = await autocannon({ connections: CONNECTIONS, ...(opts.amount ? {} : { duration: DURATION }), ...opts });
  const result = {
    name,
    requestsPerSecond: Math.round(r.requests.average),
    p95Ms: (r.latency as unknown as Record<string, number>).p97_5 !== undefined ? percentile95(r) : r.latency.p99,
    p50Ms: r.latency.p50,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
  console.log(`${name.padEnd(34)} ${String(result.requestsPerSecond).padStart(6)} req/s   p50 ${result.p50Ms} ms   p95 ${result.p95Ms} ms   errors ${result.errors}   non-2xx ${result.non2xx}`);
  return result;
}

/** autocannon reports p90 and p97.5, not p95: interpolate between them (stated in the output). */
function percentile95(r: autocannon.Result): number {
  const l = r.latency as unknown as Record<string, number>;
  return Math.round((l.p90! + ((95 - 90) / (97.5 - 90)) * (l.p97_5! - l.p90!)) * 10) / 10;
}

async function lessonJavaScript(cookie: string) {
  const html = await (await fetch(`${BASE}${LESSON}`, { headers: { cookie } })).text();
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  let external = 0;
  for (const src of srcs) external += gzipSync(Buffer.from(await (await fetch(`${BASE}${src}`)).arrayBuffer())).length;
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  return { scripts: srcs.length, externalGzipKb: +(external / 1024).toFixed(1), inlineGzipKb: +(gzipSync(inline).length / 1024).toFixed(1) };
}

async function main() {
  const server = spawn("npx", ["--no-install", "next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { stdio: "ignore" });
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await waitForServer();
    const users = await createLearners(db, CONNECTIONS);
    const quiz = (await db.query(`SELECT id, definition FROM "Activity" WHERE slug = 'september-2023-quiz'`)).rows[0];
    const choice = quiz.definition.questions.find((q: { type: string }) => q.type === "choice");
    const activities = (await db.query(`SELECT id FROM "Activity"`)).rows.map((r) => r.id as string);
    // Every learner gets an open attempt at every activity: the pool that saving and submission use.
    const attempts: { user: TUser; attemptId: string; onQuiz: boolean }[] = [];
    for (const user of users) {
      for (const activityId of activities) {
        const id = `bench-${randomUUID()}`;
        await db.query(`INSERT INTO "Attempt" (id, "userId", "activityId", number, "updatedAt") VALUES ($1, $2, $3, 1, now())`, [id, user.id, activityId]);
        attempts.push({ user, attemptId: id, onQuiz: activityId === quiz.id });
      }
    }
    const quizAttempts = attempts.filter((a) => a.onQuiz);

    // Warm up each route once (compilation caches, connection pools).
    await fetch(`${BASE}/`);
    await fetch(`${BASE}${LESSON}`, { headers: { cookie: users[0]!.cookie } });

    console.log(`\n${CONNECTIONS} connections, ${DURATION} s each; p95 interpolated from autocannon's p90 and p97.5\n`);
    const results: TResult[] = [];
    results.push(await load("static page (/)", { url: `${BASE}/` }));
    let n = 0;
    results.push(
      await load("lesson page (signed in, from DB)", {
        url: `${BASE}${LESSON}`,
        requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: users[n++ % users.length]!.cookie } }) }],
      }),
    );
    const save = actionId("saveAnswerAction");
    let s = 0;
    results.push(
      await load("save an answer (server action)", {
        url: `${BASE}${LESSON}`,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => {
              const a = quizAttempts[s++ % quizAttempts.length]!;
              const option = choice.options[s % choice.options.length].id;
              return {
                ...req,
                method: "POST",
                headers: { ...req.headers, cookie: a.user.cookie, "next-action": save, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
                body: JSON.stringify([{ attemptId: a.attemptId, questionId: choice.id, value: { selected: [option] }, answeredAt: new Date().toISOString() }]),
              };
            },
          },
        ],
      }),
    );
    const submit = actionId("submitAttemptAction");
    let t = 0;
    results.push(
      await load("submit an attempt (grading)", {
        url: `${BASE}${LESSON}`,
        amount: attempts.length,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => {
              const a = attempts[t++ % attempts.length]!;
              return {
                ...req,
                method: "POST",
                headers: { ...req.headers, cookie: a.user.cookie, "next-action": submit, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
                body: JSON.stringify([{ attemptId: a.attemptId, answers: [] }]),
              };
            },
          },
        ],
      }),
    );
    const graded = (await db.query(`SELECT count(*)::int AS n FROM "Attempt" WHERE id LIKE 'bench-%' AND status = 'SUBMITTED' AND result IS NOT NULL`)).rows[0].n;
    const js = await lessonJavaScript(users[0]!.cookie);
    const ratio = results[1]!.requestsPerSecond / results[0]!.requestsPerSecond;
    console.log(`\nlesson/static throughput: ${(ratio * 100).toFixed(0)}% (target ≥ 50%)`);
    console.log(`submissions graded: ${graded} of ${attempts.length} attempts`);
    console.log(`lesson page JavaScript: ${js.scripts} scripts, ${js.externalGzipKb} kB gzip + ${js.inlineGzipKb} kB inline RSC payload (target ≤ 150 kB)`);
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/latest.json", JSON.stringify({ at: new Date().toISOString(), connections: CONNECTIONS, durationSeconds: DURATION, results, lessonToStaticRatio: ratio, graded, lessonJavaScript: js }, null, 2));
  } finally {
    await db.query(`DELETE FROM "User" WHERE id LIKE 'bench-%'`).catch(() => {});
    await db.end();
    server.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
