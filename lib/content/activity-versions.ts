import "server-only";
import { db } from "@/lib/db";
import type { TActivity } from "./activity-schema";
import type { TPublicActivity } from "./public-activity";

export type TVersionRef = { activityId: string; activityVersion: number };
/** The key of one activity version in the map `getVersionDefinitions` returns. */
export const versionKey = (activityId: string, version: number) => `${activityId}@${version}`;

/**
 * The definitions of the activity versions that some attempts answered, in one query, keyed by
 * `versionKey(activityId, version)`: reports show each attempt with the questions it saw.
 */
export async function getVersionDefinitions(refs: TVersionRef[]) {
  const unique = [...new Map(refs.map((r) => [versionKey(r.activityId, r.activityVersion), r])).values()];
  const rows =
    unique.length === 0
      ? []
      : await db.activityVersion.findMany({
          where: { OR: unique.map((r) => ({ activityId: r.activityId, version: r.activityVersion })) },
          select: { activityId: true, version: true, definition: true, publicDefinition: true },
        });
  return new Map(
    rows.map((v) => [versionKey(v.activityId, v.version), { definition: v.definition as TActivity, publicDefinition: v.publicDefinition as TPublicActivity }]),
  );
}

