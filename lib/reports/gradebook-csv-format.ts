import { stringify } from "csv-stringify/sync";

export type TGradebookInput = {
  items: { assignmentId: string; title: string; dueAt: Date; timeZone: string }[];
  rows: {
    student: { name: string; login: string };
    cells: { assignmentId: string; score: number | null; onTimeScore: number | null; late: boolean }[];
    total: number | null;
  }[];
};

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe
 * (OWASP "CSV injection"); numbers are written as numbers.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** "2026-12-01" in the assignment's own time zone. */
const dueDay = (date: Date, zone: string) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, dateStyle: "short" }).format(date);

/**
 * The gradebook as CSV that opens correctly in Excel, LibreOffice and Google Sheets: a UTF-8 byte order
 * mark, CRLF line ends, quoting where needed (commas, quotes, line breaks), one row per student, three
 * columns per assigned item: the score in percent (as the grid counts it; empty when there is none), the
 * score of the work handed in by the due date, and "late" when the score stands on late work; then the
 * number of late items and the total.
 */
export function formatGradebookCsv(grid: TGradebookInput): string {
  const header = [
    "Student",
    "Login",
    ...grid.items.flatMap((i) => [`${i.title} (due ${dueDay(i.dueAt, i.timeZone)})`, `${i.title}: on-time score`, `${i.title}: late`]),
    "Late items",
    "Total (%)",
  ];
  const rows = grid.rows.map((r) => [
    neutralizeFormula(r.student.name),
    neutralizeFormula(r.student.login),
    ...grid.items.flatMap((i) => {
      const c = r.cells.find((x) => x.assignmentId === i.assignmentId);
      return [c?.score ?? "", c?.onTimeScore ?? "", c?.late ? "late" : ""];
    }),
    r.cells.filter((c) => c.late).length,
    r.total ?? "",
  ]);
  return "\uFEFF" + stringify([header.map(neutralizeFormula), ...rows], { record_delimiter: "windows" });
}
