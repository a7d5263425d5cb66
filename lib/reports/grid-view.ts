import { z } from "zod";
import type { TItemStatus } from "@/lib/assignments/status";

/** The grid's sorting and filtering, read from the URL so a view can be bookmarked and shared. */
export const ZGridView = z.object({
  sort: z.string().max(40).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  /** Show only students with at least one item in this state ("late" = handed in late). */
  show: z.enum(["all", "overdue", "not-started", "in-progress", "done", "late"]).catch("all").default("all"),
  q: z.string().trim().max(100).catch("").default(""),
});
export type TGridView = z.infer<typeof ZGridView>;

type TRow = {
  student: { name: string; login: string };
  cells: { assignmentId: string; status: TItemStatus; late: boolean; score: number | null }[];
  total: number | null;
};

/** Filters and sorts grid rows: by name, by total, or by one item's score (`sort` = its assignment id). */
export function applyGridView<T extends TRow>(rows: readonly T[], view: TGridView): T[] {
  const q = view.q.toLocaleLowerCase();
  const kept = rows.filter(
    (r) =>
      (!q || r.student.name.toLocaleLowerCase().includes(q) || r.student.login.toLocaleLowerCase().includes(q)) &&
      (view.show === "all" || r.cells.some((c) => (view.show === "late" ? c.late : c.status === view.show))),
  );
  const byName = (a: T, b: T) => a.student.name.localeCompare(b.student.name);
  const value = (r: T): number | null =>
    view.sort === "total" ? r.total : view.sort === "name" ? null : (r.cells.find((c) => c.assignmentId === view.sort)?.score ?? null);
  const sign = view.dir === "desc" ? -1 : 1;
  return kept.sort((a, b) => {
    if (view.sort === "name") return sign * byName(a, b);
    const va = value(a);
    const vb = value(b);
    // Students without a score go last either way, then by name.
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return va === vb ? byName(a, b) : sign * (va - vb);
  });
}
