import type { Metadata } from "next";
import Link from "next/link";
import { OptionTable } from "@/components/teach/option-table";
import { ShareBar } from "@/components/teach/share-bar";
import { requirePageUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getItemAnalysis } from "@/lib/reports/item-analysis";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Item analysis" };

const AXIS_NAME: Record<string, string> = { genre: "Genre", stance: "Stance (perspective)", "source-kind": "Kind of source" };
const pct = (n: number) => `${Math.round(n * 100)}%`;

export default async function ItemAnalysisPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageUser(`/teach/classes/${classId}/analysis`, "INSTRUCTOR", "ADMIN");
  const { activities, sourceTitles } = await orNotFound(getItemAnalysis(user, classId));
  const title = (slug: string) => sourceTitles[slug] ?? slug;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Item analysis</h1>
      <p className="text-muted">
        Each student&apos;s first submission of every assigned activity: what the class chose before any feedback. For each
        article, the commonest wrong perspective shows which reading misled them.
      </p>
      {activities.length === 0 && (
        <p>
          Nothing is assigned yet. <Link href={`/teach/classes/${classId}/assignments`} className="underline">Assign a quiz</Link> to see how
          the class answers it.
        </p>
      )}
      {activities.map((a) => (
        <section key={a.activityId} aria-labelledby={`a-${a.activityId}`} className="flex flex-col gap-4">
          <h2 id={`a-${a.activityId}`} className="text-xl font-semibold">{a.title}</h2>
          <p>
            {a.respondents === 0 ? (
              "Nobody has submitted it yet."
            ) : (
              <>
                {a.respondents} {a.respondents === 1 ? "student has" : "students have"} submitted · mean score {pct(a.meanScore)} ·{" "}
                <Link href={a.href} className="underline">open the activity</Link>
              </>
            )}
          </p>
          {a.respondents > 0 && (
            <ol className="flex flex-col gap-4">
              {a.questions.map((q, i) => (
                <li key={q.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <h3 className="font-semibold">
                    Question {i + 1}: {q.prompt}
                  </h3>
                  <p className="mb-2 text-sm text-muted">
                    Answered by {q.answered} of {a.respondents} · mean credit {pct(q.meanScore)}
                  </p>
                  {q.type === "choice" && <OptionTable caption="Answers chosen" options={q.options} />}
                  {q.type === "perspective" && (
                    <div className="flex flex-col gap-4">
                      <p className="text-sm">Article: <em>{title(q.source)}</em></p>
                      {q.axes.map((axis) => (
                        <div key={axis.axis} className="flex flex-col gap-1">
                          <OptionTable caption={`${AXIS_NAME[axis.axis] ?? axis.axis}: ${pct(axis.shareCorrect)} chose the key`} options={axis.options} />
                          <p className="text-sm">
                            Commonest wrong label:{" "}
                            {axis.commonestWrong ? (
                              <strong>
                                {axis.commonestWrong.text} ({axis.commonestWrong.count})
                              </strong>
                            ) : (
                              "none: nobody chose a wrong label"
                            )}
                          </p>
                        </div>
                      ))}
                    </div>
                  )}
                  {q.type === "evidence" && (
                    <div className="flex flex-col gap-2 text-sm">
                      <p>Article: <em>{title(q.source)}</em></p>
                      <p>
                        Key passages found, on average: <ShareBar share={q.meanRecall} /> · highlighted text inside key passages:{" "}
                        <ShareBar share={q.meanPrecision} />
                      </p>
                      <TableScroll>
                        <table className="w-full border-collapse text-left">
                          <caption className="mb-1 text-left font-medium">Share of students who found each key passage</caption>
                          <thead>
                            <tr className="border-b border-slate-300">
                              <th scope="col" className="p-1">Key passage</th>
                              <th scope="col" className="p-1">Found by</th>
                            </tr>
                          </thead>
                          <tbody>
                            {q.passages.map((p) => (
                              <tr key={p.quote} className="border-b border-slate-100">
                                <td className="p-1 font-serif">“{p.quote}”</td>
                                <td className="p-1 whitespace-nowrap"><ShareBar share={p.foundShare} tone="bg-green-700" /></td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </TableScroll>
                      <p>
                        <Link href={`/teach/classes/${classId}/heatmap#${q.source}`} className="underline">
                          See what the class highlighted in this article
                        </Link>
                      </p>
                    </div>
                  )}
                  {q.type === "other" &&
                    (q.questionType === "written" ? (
                      <p className="text-sm">Written answers are not scored automatically: read them on each student&apos;s page from the Progress grid.</p>
                    ) : (
                      <ShareBar share={q.meanScore} label={`${pct(q.meanScore)} of the credit on average`} />
                    ))}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
