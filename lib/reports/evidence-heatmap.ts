import "server-only";
import { replica } from "@/lib/db";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TActivityResult } from "@/lib/grading/feedback";
import { locatePassages } from "@/lib/grading/score-evidence";
import { getAssignedFirstResults } from "./first-attempts";
import { buildHeatmap } from "./evidence-heatmap-compute";

/**
 * For each article with an evidence question in the class's assigned work: the passages students
 * highlighted, counted, split by whether they classified the article correctly, with the key passages.
 */
export async function getEvidenceHeatmap(user: TCurrentUser, classId: string) {
  const activities = await getAssignedFirstResults(user, classId);
  const bySource = new Map<string, { results: TActivityResult[]; passages: Set<string> }>();
  for (const a of activities) {
    for (const q of a.definition.questions) {
      if (q.type !== "evidence") continue;
      const entry = bySource.get(q.source) ?? { results: [], passages: new Set<string>() };
      q.passages.forEach((p) => entry.passages.add(p));
      entry.results.push(...a.results.map((r) => r.result));
      bySource.set(q.source, entry);
    }
  }
  if (bySource.size === 0) return [];
  // Published sources' bodies: content, read from a replica like the results above.
  const sources = await replica().source.findMany({
    where: { slug: { in: [...bySource.keys()] } },
    select: { slug: true, title: true, body: true },
    orderBy: { publishedAt: "asc" },
  });
  return sources.map((s) => {
    const entry = bySource.get(s.slug)!;
    const results = [...new Set(entry.results)];
    return {
      slug: s.slug,
      title: s.title,
      body: s.body,
      keyRanges: locatePassages(s.body, [...entry.passages]),
      groups: buildHeatmap(s.body, s.slug, results),
    };
  });
}
