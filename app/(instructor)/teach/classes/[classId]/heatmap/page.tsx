import type { Metadata } from "next";
import Link from "next/link";
import { HeatText } from "@/components/teach/heat-text";
import { requirePageUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getEvidenceHeatmap } from "@/lib/reports/evidence-heatmap";

export const metadata: Metadata = { title: "Evidence heatmap" };

const GROUP_TITLE = {
  correct: "Students who classified the article's stance correctly",
  wrong: "Students who classified the article's stance wrongly",
  unknown: "Students whose activity did not ask for the article's stance",
} as const;

export default async function HeatmapPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageUser(`/teach/classes/${classId}/heatmap`, "INSTRUCTOR", "ADMIN");
  const articles = await orNotFound(getEvidenceHeatmap(user, classId));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Evidence heatmap</h1>
      <p className="text-muted">
        What students highlighted as evidence in each article, on their first submission: the darker the shading, the more
        students chose it. Key passages are underlined. Comparing the two groups shows which phrases led readers to the wrong
        perspective.
      </p>
      {articles.length === 0 && (
        <p>
          No assigned activity asks for evidence yet. <Link href={`/teach/classes/${classId}/assignments`} className="underline">Assign a quiz</Link>{" "}
          with an evidence question.
        </p>
      )}
      {articles.map((a) => (
        <section key={a.slug} id={a.slug} aria-labelledby={`h-${a.slug}`} className="flex flex-col gap-3">
          <h2 id={`h-${a.slug}`} className="text-xl font-semibold">{a.title}</h2>
          <div className="grid gap-4 lg:grid-cols-2">
            {a.groups.map((g) => (
              <div key={g.key} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-semibold">
                  {GROUP_TITLE[g.key]} ({g.students})
                </h3>
                {g.students === 0 ? (
                  <p className="text-sm text-muted">Nobody in this group yet.</p>
                ) : (
                  <>
                    <h4 className="text-sm font-medium">Most highlighted</h4>
                    <ol className="list-decimal pl-5 text-sm">
                      {g.top.map((t, i) => (
                        <li key={i}>
                          “{t.text}”: {t.count} of {g.students}
                        </li>
                      ))}
                    </ol>
                    <details open>
                      <summary className="cursor-pointer text-sm text-accent underline">The text, shaded</summary>
                      <div className="mt-2">
                        <HeatText body={a.body} runs={g.runs} keyRanges={a.keyRanges} students={g.students} />
                      </div>
                    </details>
                  </>
                )}
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
