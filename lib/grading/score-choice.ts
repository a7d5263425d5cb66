/**
 * Multiple choice.
 * - exact set match scores 1;
 * - single answer (multiple: false): anything else scores 0;
 * - multiple answers: partial credit max(0, (correct picks − wrong picks) / number of correct options).
 * Unknown option ids and repeated picks are ignored.
 */
export function scoreChoice(
  key: { multiple: boolean; options: readonly { id: string }[]; answer: readonly string[] },
  selected: readonly string[],
) {
  const known = new Set(key.options.map((o) => o.id));
  const picks = [...new Set(selected)].filter((id) => known.has(id));
  const answer = new Set(key.answer);
  const correctPicks = picks.filter((id) => answer.has(id));
  const wrongPicks = picks.filter((id) => !answer.has(id));
  const missed = key.answer.filter((id) => !picks.includes(id));
  const exact = wrongPicks.length === 0 && missed.length === 0;
  const fraction = exact
    ? 1
    : key.multiple
      ? Math.max(0, (correctPicks.length - wrongPicks.length) / answer.size)
      : 0;
  return { fraction, correctPicks, wrongPicks, missed };
}
