/**
 * Chronological order: fraction = pairs of events in the right relative order / all pairs
 * (n·(n−1)/2). Each event's first position in the learner's list counts; unknown ids are ignored;
 * a pair with a missing event counts as wrong. Swapping two neighbours therefore costs one pair.
 */
export function scoreOrder(keyOrder: readonly string[], given: readonly string[]) {
  const pos = new Map<string, number>();
  for (const id of given) if (keyOrder.includes(id) && !pos.has(id)) pos.set(id, pos.size);
  let pairsCorrect = 0;
  let pairsTotal = 0;
  for (let i = 0; i < keyOrder.length; i++) {
    for (let j = i + 1; j < keyOrder.length; j++) {
      pairsTotal++;
      const a = pos.get(keyOrder[i]!);
      const b = pos.get(keyOrder[j]!);
      if (a !== undefined && b !== undefined && a < b) pairsCorrect++;
    }
  }
  const fraction = pairsTotal ? pairsCorrect / pairsTotal : 0;
  return { fraction, pairsCorrect, pairsTotal };
}
