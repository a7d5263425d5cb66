/**
 * Corroboration: each statement is either flagged (unsourced, or does not fit the dated record) or
 * not; fraction = statements classified correctly / statements.
 * NOTE: an empty flag list scores 0. It cannot be told apart from "not answered", and every key
 * flags at least one statement (the schema requires it), so it is never the right answer.
 */
export function scoreCorroboration(
  key: { statements: readonly { id: string }[]; answer: readonly string[] },
  flagged: readonly string[],
) {
  const flags = new Set(flagged);
  const results = key.statements.map((s) => {
    const shouldFlag = key.answer.includes(s.id);
    const isFlagged = flags.has(s.id);
    return { id: s.id, shouldFlag, flagged: isFlagged, correct: shouldFlag === isFlagged };
  });
  const anyFlag = results.some((r) => r.flagged);
  const fraction = anyFlag && results.length ? results.filter((r) => r.correct).length / results.length : 0;
  return { fraction, statements: results };
}
