import "server-only";
import { replica } from "@/lib/db";
import type { TCurrentUser } from "@/lib/auth/session";
import { getAssignedFirstResults } from "./first-attempts";
import { analyzeActivity } from "./item-analysis-compute";

/** Item analysis of every activity assigned to a class, over each student's first submission. */
export async function getItemAnalysis(user: TCurrentUser, classId: string) {
  const activities = await getAssignedFirstResults(user, classId);
  const slugs = [...new Set(activities.flatMap((a) => a.definition.questions.flatMap((q) => ("source" in q ? [q.source] : []))))];
  const sources = await replica().source.findMany({ where: { slug: { in: slugs } }, select: { slug: true, title: true } });
  return {
    sourceTitles: Object.fromEntries(sources.map((s) => [s.slug, s.title])) as Record<string, string>,
    // The entry's own title: it names the version when an activity's results span several.
    activities: activities.map((a) => ({ ...analyzeActivity(a.id, a.definition, a.results.map((r) => r.result)), title: a.title, href: a.href })),
  };
}
