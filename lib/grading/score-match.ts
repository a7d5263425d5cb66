/** Matching: fraction = items paired with the right choice / items. An unpaired item is wrong. */
export function scoreMatch(
  key: { items: readonly { id: string }[]; answer: Readonly<Record<string, string>> },
  pairs: Readonly<Record<string, string>>,
) {
  const results = key.items.map((it) => ({
    itemId: it.id,
    expected: key.answer[it.id],
    given: pairs[it.id],
    correct: pairs[it.id] !== undefined && pairs[it.id] === key.answer[it.id],
  }));
  const fraction = results.length ? results.filter((r) => r.correct).length / results.length : 0;
  return { fraction, pairs: results };
}
