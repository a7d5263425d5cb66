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

const bodies = new Map<string, { at: number; body: Promise<string | null> }>();

/** Source bodies by slug (for grading evidence), cached for a minute like activity definitions. */
export async function getSourceBodies(slugs: Iterable<string>): Promise<Record<string, string>> {
  const entries = await Promise.all(
    [...new Set(slugs)].map(async (slug) => {
      let hit = bodies.get(slug);
      if (!hit || Date.now() - hit.at >= TTL_MS) {
        const body = db.source.findUnique({ where: { slug }, select: { body: true } }).then((r) => r?.body ?? null);
        hit = { at: Date.now(), body };
        bodies.set(slug, hit);
        body.catch(() => bodies.delete(slug));
      }
      return [slug, await hit.body] as const;
    }),
  );
  return Object.fromEntries(entries.filter((e): e is readonly [string, string] => e[1] !== null));
}
