"use client";

import { StatusCell } from "./status-cell";
import type { TItemStatus } from "@/lib/assignments/status";

/** One cell as a tuple: status, score, late, extended, overridden, on-time score, attempts not counted. */
export type TCompactCell = [TItemStatus, number | null, boolean, boolean, boolean, number | null, number];

export type TProgressColumn = { id: string; title: string; detail: string; href: string; sort?: "ascending" | "descending" };
export type TProgressRow = { id: string; name: string; login: string; total: number | null; cells: TCompactCell[] };

const arrow = (sort: TProgressColumn["sort"]) => (sort === "ascending" ? " ▲" : sort === "descending" ? " ▼" : "");

/**
 * The class progress table. NOTE: a client component on purpose, though it has no state: its props are
 * compact tuples, so a 200 × 10 grid costs a few dozen kB in the page's data instead of the whole
 * rendered table a second time (server components' output is sent twice, as HTML and as RSC payload).
 */
export function ProgressTable({
  base,
  nameColumn,
  totalColumn,
  columns,
  rows,
}: {
  base: string;
  nameColumn: TProgressColumn;
  totalColumn: TProgressColumn;
  columns: TProgressColumn[];
  rows: TProgressRow[];
}) {
  return (
    <table className="border-collapse text-left">
      <caption className="sr-only">Progress of each student on each assigned item; column headers sort the table</caption>
      <thead>
        <tr>
          <th scope="col" aria-sort={nameColumn.sort} className="sticky left-0 z-10 border border-slate-200 bg-white p-2">
            <a href={nameColumn.href} className="underline">{nameColumn.title}{arrow(nameColumn.sort)}</a>
          </th>
          {columns.map((c) => (
            <th key={c.id} scope="col" aria-sort={c.sort} className="min-w-36 border border-slate-200 bg-white p-2 align-top text-sm">
              <a href={c.href} className="underline">{c.title}{arrow(c.sort)}</a>
              <span className="block font-normal text-muted">{c.detail}</span>
            </th>
          ))}
          <th scope="col" aria-sort={totalColumn.sort} className="border border-slate-200 bg-white p-2">
            <a href={totalColumn.href} className="underline">{totalColumn.title}{arrow(totalColumn.sort)}</a>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const studentHref = `${base}/students/${row.id}`;
          return (
            <tr key={row.id}>
              <th scope="row" className="sticky left-0 z-10 border border-slate-200 bg-white p-2 text-left font-medium">
                <a href={studentHref} className="underline">{row.name}</a>
                <span className="block text-xs font-normal text-muted">{row.login}</span>
              </th>
              {row.cells.map(([status, score, late, extended, overridden, onTimeScore, uncounted], i) => (
                <StatusCell
                  key={columns[i]!.id}
                  href={`${studentHref}#item-${columns[i]!.id}`}
                  label={`${row.name}, ${columns[i]!.title}`}
                  status={status}
                  score={score}
                  late={late}
                  extended={extended}
                  overridden={overridden}
                  onTimeScore={onTimeScore}
                  uncounted={uncounted}
                />
              ))}
              <td className="border border-slate-200 p-2 text-sm font-semibold">{row.total === null ? "–" : `${row.total}%`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
