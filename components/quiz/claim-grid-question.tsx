"use client";

import type { TQuestionProps, TSourceText } from "./question-types";
import { TableScroll } from "@/components/ui/table-scroll";

type TCells = Record<string, Record<string, "states" | "contradicts" | "omits">>;
const VALUES = [
  ["states", "States it"],
  ["contradicts", "Contradicts it"],
  ["omits", "Leaves it out"],
] as const;

/** Claims (rows) by sources (columns); each cell is a labelled select, so it reads well in a screen reader. */
export function ClaimGridQuestion({ question, value, onChange, disabled, sources }: TQuestionProps<"claim-grid", { cells: TCells }> & { sources: TSourceText[] }) {
  const cells = value?.cells ?? {};
  const titleOf = (slug: string) => sources.find((s) => s.slug === slug)?.title ?? slug;
  function set(claimId: string, source: string, v: string) {
    const row = { ...(cells[claimId] ?? {}) };
    if (v) row[source] = v as TCells[string][string];
    else delete row[source];
    onChange({ cells: { ...cells, [claimId]: row } });
  }
  return (
    <div className="flex flex-col gap-2">
      <p className="font-medium" id={`q-${question.id}-prompt`}>{question.prompt}</p>
      <TableScroll>
        <table className="w-full border-collapse text-sm" aria-labelledby={`q-${question.id}-prompt`}>
          <thead>
            <tr>
              <th scope="col" className="border-b p-2 text-left">Claim</th>
              {question.sources.map((s) => (
                <th key={s} scope="col" className="border-b p-2 text-left">{titleOf(s)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {question.claims.map((claim) => (
              <tr key={claim.id} className="border-b border-slate-200">
                <th scope="row" className="p-2 text-left font-normal">{claim.text}</th>
                {question.sources.map((s) => (
                  <td key={s} className="p-2">
                    <select
                      aria-label={`${claim.text} — ${titleOf(s)}`}
                      value={cells[claim.id]?.[s] ?? ""}
                      onChange={(e) => set(claim.id, s, e.target.value)}
                      disabled={disabled}
                      className="min-h-11 w-full rounded border border-slate-400 bg-white p-1"
                    >
                      <option value="">Choose…</option>
                      {VALUES.map(([v, label]) => (
                        <option key={v} value={v}>{label}</option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
