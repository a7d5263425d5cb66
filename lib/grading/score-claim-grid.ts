export type TCellValue = "states" | "contradicts" | "omits";

/**
 * Claim grid: fraction = cells classified correctly / (claims × sources). An empty cell is wrong.
 */
export function scoreClaimGrid(
  key: { claims: readonly { id: string }[]; sources: readonly string[]; answer: Readonly<Record<string, Readonly<Record<string, TCellValue>>>> },
  cells: Readonly<Record<string, Readonly<Record<string, TCellValue>>>>,
) {
  const results = key.claims.flatMap((c) =>
    key.sources.map((s) => {
      const expected = key.answer[c.id]?.[s];
      const given = cells[c.id]?.[s];
      return { claimId: c.id, source: s, expected, given, correct: given !== undefined && given === expected };
    }),
  );
  const fraction = results.length ? results.filter((r) => r.correct).length / results.length : 0;
  return { fraction, cells: results };
}
