import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { formatGradebookCsv } from "@/lib/reports/gradebook-csv-format";

const items = [
  { assignmentId: "a1", title: "Quiz: three perspectives on September 2023", dueAt: new Date("2026-12-01T20:30:00Z"), timeZone: "Asia/Baku" },
  { assignmentId: "a2", title: "The 2020 war", dueAt: new Date("2026-11-20T16:00:00Z"), timeZone: "UTC" },
];
const row = (name: string, login: string, s1: number | null, s2: number | null, late = false, total: number | null = null) => ({
  student: { name, login },
  cells: [
    { assignmentId: "a1", score: s1, onTimeScore: late ? 50 : s1, late },
    { assignmentId: "a2", score: s2, onTimeScore: s2, late: false },
  ],
  total,
});

describe("the gradebook CSV", () => {
  const csv = formatGradebookCsv({
    items,
    rows: [
      row("Petrosyan, Anahit", "anahit@example.test", 85.5, 40, true, 62.8),
      row('Leyla "Lala" Əliyeva', "leyla.a", null, 100, false, 100),
      row("Թամար Հակոբյան", "tamar-h", 70, null),
      row("=HYPERLINK(\"http://evil\")", "+cmd", 10, 20),
    ],
  });

  it("starts with a UTF-8 byte order mark and uses CRLF line ends", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split("\r\n").length).toBe(6); // header + 4 rows + the final empty line
  });

  it("round-trips names with commas, quotes and non-Latin letters, one row per student", () => {
    const [header, ...rows]: string[][] = parse(csv.slice(1));
    // The due date is the day in the assignment's own zone (Baku is UTC+4: 20:30 UTC is already 2 December).
    expect(header).toEqual([
      "Student",
      "Login",
      "Quiz: three perspectives on September 2023 (due 2026-12-02)",
      "Quiz: three perspectives on September 2023: on-time score",
      "Quiz: three perspectives on September 2023: late",
      "The 2020 war (due 2026-11-20)",
      "The 2020 war: on-time score",
      "The 2020 war: late",
      "Late items",
      "Total (%)",
    ]);
    expect(rows.map((r) => r[0])).toEqual(["Petrosyan, Anahit", 'Leyla "Lala" Əliyeva', "Թամար Հակոբյան", "'=HYPERLINK(\"http://evil\")"]);
    // A late score stands beside what was handed in on time.
    expect(rows[0]).toEqual(["Petrosyan, Anahit", "anahit@example.test", "85.5", "50", "late", "40", "40", "", "1", "62.8"]);
    expect(rows[1]!.slice(2)).toEqual(["", "", "", "100", "100", "", "0", "100"]);
    expect(rows[2]!.at(-1)).toBe("");
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    const rows: string[][] = parse(csv.slice(1));
    expect(rows[4]![0]!.startsWith("'=")).toBe(true);
    expect(rows[4]![1]).toBe("'+cmd");
  });
});
