import "server-only";
import { db } from "@/lib/db";
import type { TActivity } from "./activity-schema";

// Activity definitions change only when content is re-seeded; reading the ~30 kB JSON once a minute
// instead of on every autosave keeps answer saving cheap.
const TTL_MS = 60_000;
const cache = new Map<string, { at: number; definition: Promise<TActivity | null> }>();

/** An activity's full definition (with keys; server only), cached for a minute. */
export function getActivityDefinition(activityId: string): Promise<TActivity | null> {
  const hit = cache.get(activityId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.definition;
  const definition = db.activity
    .findUnique({ where: { id: activityId }, select: { definition: true } })
    .then((row) => (row?.definition as TActivity | undefined) ?? null);
  cache.set(activityId, { at: Date.now(), definition });
  definition.catch(() => cache.delete(activityId));
  return definition;
}
