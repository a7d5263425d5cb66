import "server-only";
import { db } from "@/lib/db";
import type { TActivity } from "./activity-schema";

// A version of an activity never changes once saved (an edit makes a new one), so its definition can be
// kept for the life of the process: autosaves and submissions never read the ~30 kB JSON again.
const MAX_VERSIONS = 2_000;
const versions = new Map<string, Promise<TActivity | null>>();

/** The full definition (with keys; server only) of one version of an activity. */
export function getActivityDefinition(activityId: string, version: number): Promise<TActivity | null> {
  const key = `${activityId}@${version}`;
  const hit = versions.get(key);
  if (hit) return hit;
  const definition = db.activityVersion
    .findUnique({ where: { activityId_version: { activityId, version } }, select: { definition: true } })
    .then((row) => (row?.definition as TActivity | undefined) ?? null);
  if (versions.size >= MAX_VERSIONS) versions.clear();
  versions.set(key, definition);
  definition.then((d) => d ?? versions.delete(key), () => versions.delete(key));
  return definition;
}

// Source bodies may be corrected by an admin, but only while no learner has answered against them
// (lib/authoring/sources.ts), so a minute's cache is safe for grading.
const TTL_MS = 60_000;
const bodies = new Map<string, { at: number; body: Promise<string | null> }>();

/** Source bodies by slug (for grading evidence), cached for a minute. */
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
