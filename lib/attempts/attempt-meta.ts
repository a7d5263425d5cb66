import "server-only";
import { db } from "@/lib/db";

type TAttemptMeta = { userId: string; activityId: string; activityVersion: number };

// Who owns an attempt, its activity and the version it is on never change, so autosaves look them up once.
const cache = new Map<string, TAttemptMeta>();
const MAX = 50_000;

/** The owner, activity and activity version of an attempt, or null when there is no such attempt. */
export async function getAttemptMeta(attemptId: string): Promise<TAttemptMeta | null> {
  const hit = cache.get(attemptId);
  if (hit) return hit;
  const row = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { userId: true, activityId: true, activityVersion: true },
  });
  if (!row) return null;
  if (cache.size >= MAX) cache.clear();
  cache.set(attemptId, row);
  return row;
}
