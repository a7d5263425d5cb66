/** Perspective labels: fraction = axes labelled correctly / axes. A missing label is wrong. */
export function scorePerspective(
  axes: readonly { axis: string; answer: string }[],
  chosen: Readonly<Record<string, string>>,
) {
  const correct = axes.map((a) => chosen[a.axis] === a.answer);
  const fraction = axes.length ? correct.filter(Boolean).length / axes.length : 0;
  return { fraction, correct };
}
