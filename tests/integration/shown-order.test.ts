import { describe, expect, it } from "vitest";
import { getActivityForLearner } from "@/lib/attempts/queries";
import { startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { submitAttempt } from "@/lib/attempts/submit-attempt";
import type { TActivity } from "@/lib/content/activity-schema";
import type { TCurrentUser } from "@/lib/auth/session";
import { createUser, db } from "./helpers";

// september-2023-compare's q5 puts nine events in order: 362,880 orders, one of them the key.
const ACTIVITY = "september-2023-compare";
const QUESTION = "q5";

/** The order the learner's open attempt shows q5's events in, as the page receives it. */
async function shownOrder(user: TCurrentUser): Promise<string[]> {
  await startOrResumeAttempt(user, ACTIVITY);
  const { activity } = await getActivityForLearner(user, ACTIVITY);
  const q = activity.definition.questions.find((x) => x.id === QUESTION);
  if (q?.type !== "order") throw new Error("q5 is an order question");
  return q.events.map((e) => e.id);
}

/** The order the old code showed everyone: mulberry32 seeded with FNV-1a of the public `slug:questionId`. */
function seededOrder(key: string[], seed: string): string[] {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...key];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (out.every((x, i) => x === key[i])) out.push(out.shift()!);
  return out;
}

describe("an ordering question's shown order (issue 15: it was a shuffle seeded by the public slug)", () => {
  it("differs between learners and is not the order the public seed gives", async () => {
    const definition = (await db.activity.findUniqueOrThrow({ where: { slug: ACTIVITY }, select: { definition: true } })).definition as TActivity;
    const q = definition.questions.find((x) => x.id === QUESTION);
    if (q?.type !== "order") throw new Error("q5 is an order question");
    const key = q.events.map((e) => e.id);
    const fromSeed = seededOrder(key, `${ACTIVITY}:${QUESTION}`).join();

    const orders = [];
    for (let i = 0; i < 6; i++) orders.push((await shownOrder(await createUser())).join());
    // Six draws from 362,880 orders: at most one pair alike, in all but about one run in 10^8.
    expect(new Set(orders).size).toBeGreaterThanOrEqual(5);
    expect(orders.filter((o) => o === fromSeed).length).toBeLessThanOrEqual(1);
    expect(orders.filter((o) => o === key.join()).length).toBeLessThanOrEqual(1);
    // Every shown order holds exactly the question's events.
    for (const o of orders) expect(o.split(",").sort()).toEqual([...key].sort());
  });

  it("stays the same for one attempt across reloads, and a retake shows a fresh one", async () => {
    const user = await createUser();
    const first = await shownOrder(user);
    expect(await shownOrder(user)).toEqual(first);
    expect(await shownOrder(user)).toEqual(first);

    const retakes = [first.join()];
    for (let i = 0; i < 4; i++) {
      const attemptId = await startOrResumeAttempt(user, ACTIVITY);
      await submitAttempt(user, { attemptId, answers: [] });
      retakes.push((await shownOrder(user)).join());
    }
    expect(new Set(retakes).size).toBeGreaterThanOrEqual(4);
    // The stored order goes with its attempt: each attempt row holds the order it showed.
    const rows = await db.attempt.findMany({ where: { userId: user.id }, orderBy: { number: "asc" }, select: { shownOrder: true } });
    expect(rows.map((r) => (r.shownOrder as Record<string, string[]>)[QUESTION]!.join())).toEqual(retakes);
  });
});
