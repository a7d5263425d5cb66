import type { Metadata } from "next";
import Link from "next/link";
import { ProgressTable, type TCompactCell, type TProgressColumn } from "@/components/teach/progress-table";
import { requirePageUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { formatInZone } from "@/lib/assignments/dates";
import { getClassGrid } from "@/lib/reports/class-grid";
import { applyGridView, ZGridView, type TGridView } from "@/lib/reports/grid-view";
import { TableScroll } from "@/components/ui/table-scroll";
import { CountingNote } from "@/components/teach/counting-note";

export const metadata: Metadata = { title: "Class progress" };

type TProps = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | undefined>> };

const SHOW_OPTIONS: { value: TGridView["show"]; label: string }[] = [
  { value: "all", label: "All students" },
  { value: "overdue", label: "With overdue work" },
  { value: "not-started", label: "With work not started" },
  { value: "in-progress", label: "With work in progress" },
  { value: "late", label: "With late work" },
  { value: "done", label: "With finished work" },
];

export default async function ClassProgressPage({ params, searchParams }: TProps) {
  const { classId } = await params;
  const view = ZGridView.parse(await searchParams);
  const user = await requirePageUser(`/teach/classes/${classId}`, "INSTRUCTOR", "ADMIN");
  const grid = await orNotFound(getClassGrid(user, classId));
  const rows = applyGridView(grid.rows, view);
  const base = `/teach/classes/${classId}`;

  const sortHref = (sort: string) => {
    const dir = view.sort === sort && view.dir === "asc" ? "desc" : "asc";
    const p = new URLSearchParams({ ...(view.show !== "all" && { show: view.show }), ...(view.q && { q: view.q }), sort, dir });
    return `${base}?${p}`;
  };
  const column = (id: string, title: string, detail: string): TProgressColumn => ({
    id,
    title,
    detail,
    href: sortHref(id),
    sort: view.sort === id ? (view.dir === "asc" ? "ascending" : "descending") : undefined,
  });

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Progress</h1>
      {grid.items.length === 0 || grid.rows.length === 0 ? (
        <p>
          {grid.rows.length === 0 ? (
            <>No students yet: give them the join code from <Link className="underline" href={`${base}/people`}>Students and join code</Link>, or create accounts for pupils without email. </>
          ) : null}
          {grid.items.length === 0 ? (
            <>Nothing is assigned yet: <Link className="underline" href={`${base}/assignments`}>assign a module or a quiz</Link>.</>
          ) : null}
        </p>
      ) : (
        <>
          <form method="get" action={base} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="sort" value={view.sort} />
            <input type="hidden" name="dir" value={view.dir} />
            <div className="flex flex-col gap-1">
              <label htmlFor="grid-q" className="text-sm font-medium">Find a student</label>
              <input id="grid-q" name="q" defaultValue={view.q} className="min-h-11 rounded-md border border-slate-500 px-3" />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="grid-show" className="text-sm font-medium">Show</label>
              <select id="grid-show" name="show" defaultValue={view.show} className="min-h-11 rounded-md border border-slate-500 bg-white px-3">
                {SHOW_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </select>
            </div>
            <button type="submit" className="min-h-11 rounded-md border border-slate-400 bg-white px-4 hover:bg-slate-100">Apply</button>
          </form>
          <p role="status" className="text-sm text-muted">
            {rows.length} of {grid.rows.length} students shown. Scores are each student&apos;s best counted attempt; an asterisk marks a score you set.
          </p>
          <TableScroll>
            <ProgressTable
              base={base}
              nameColumn={column("name", "Student", "")}
              totalColumn={column("total", "Total", "")}
              columns={grid.items.map((item) =>
                column(item.assignmentId, item.title, `${item.kind === "module" ? "Module" : "Activity"} · due ${formatInZone(item.dueAt, item.timeZone)}`),
              )}
              rows={rows.map((row) => ({
                id: row.student.id,
                name: row.student.name,
                login: row.student.login,
                total: row.total,
                cells: row.cells.map((c): TCompactCell => [c.status, c.score, c.late, c.extended, c.overridden, c.onTimeScore, c.uncounted]),
              }))}
            />
          </TableScroll>
          <p className="text-sm text-muted">
            Total: the mean over items that are finished or past due, counting missing work as 0.
          </p>
          <CountingNote items={grid.items} />
        </>
      )}
    </div>
  );
}
