import Link from "next/link";
import { formatInZone } from "@/lib/assignments/dates";
import type { getAssignedWork } from "@/lib/assignments/queries";

type TWork = Awaited<ReturnType<typeof getAssignedWork>>[number];

const STATE: Record<string, { label: string; tone: string }> = {
  done: { label: "Done", tone: "border-green-300 bg-green-50" },
  overdue: { label: "Overdue", tone: "border-red-300 bg-red-50" },
  "in-progress": { label: "In progress", tone: "border-amber-300 bg-amber-50" },
  "not-started": { label: "To do", tone: "border-slate-200 bg-white" },
};

/** The student's set work, soonest due first: what it is, for which class, when it is due, and how it stands. */
export function AssignedWork({ work }: { work: TWork[] }) {
  const open = work.filter((w) => w.open);
  const upcoming = work.filter((w) => !w.open);
  return (
    <section aria-labelledby="assigned-heading" className="flex flex-col gap-3">
      <h2 id="assigned-heading" className="text-xl font-semibold">Assigned work</h2>
      {open.length === 0 && <p className="text-muted">Nothing is due right now.</p>}
      <ol className="flex flex-col gap-3">
        {open.map((w) => {
          const state = STATE[w.status]!;
          return (
            <li key={w.id} className={`rounded-lg border p-4 ${state.tone}`}>
              <p className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={w.href} className="text-lg font-semibold underline">{w.title}</Link>
                <span className="font-semibold">
                  {state.label}
                  {w.late && " · handed in late"}
                  {w.score !== null && ` · ${w.score}%`}
                  {w.scoreWithheld && w.activitiesDone > 0 && " · score not released yet"}
                </span>
              </p>
              <p className="text-sm">
                {w.className} · due {formatInZone(w.dueAt, w.timeZone)}
                {w.extended && " (your extended date)"}
                {w.activitiesTotal > 1 && ` · ${w.activitiesDone} of ${w.activitiesTotal} activities done`}
              </p>
              {w.activities.length > 1 && (
                <ul className="mt-1 flex flex-wrap gap-x-4 text-sm">
                  {w.activities.map((a) => (
                    <li key={a.id}>
                      <Link href={a.href} className="underline">{a.title}</Link> {a.done ? "✓ submitted" : ""}
                    </li>
                  ))}
                </ul>
              )}
              {w.comment && (
                <p className="mt-2 rounded border border-slate-300 bg-white p-2 text-sm">
                  <span className="font-semibold">Your teacher&apos;s comment:</span> {w.comment}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {upcoming.length > 0 && (
        <p className="text-sm text-muted">
          Coming up: {upcoming.map((w) => `${w.title} (opens ${formatInZone(w.opensAt, w.timeZone)})`).join("; ")}.
        </p>
      )}
    </section>
  );
}
