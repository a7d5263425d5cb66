import type { TTerm } from "./schemas";

export type TTermMatch = { start: number; end: number; termId: string; name: string };

/**
 * Finds contested terms in text: case-sensitive whole words, longest name first, so that
 * "Nagorno-Karabakh" wins over "Karabakh" and "Karabakh region" over "Karabakh". A variant's `notIn`
 * phrases are matched the same way and left unmarked: "Karabakh Armenians" is nobody's name for the region.
 */
export function createTermMatcher(terms: TTerm[]) {
  const byName = new Map<string, string>();
  const exceptions = new Set<string>();
  for (const term of terms) {
    for (const v of term.variants) {
      byName.set(v.name, term.id);
      for (const phrase of v.notIn ?? []) exceptions.add(phrase);
    }
  }
  const names = [...byName.keys(), ...exceptions].sort((a, b) => b.length - a.length);
  if (names.length === 0) return () => [] as TTermMatch[];
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${escaped.join("|")})(?![\\p{L}\\p{N}-])`, "gu");
  return (text: string): TTermMatch[] =>
    [...text.matchAll(pattern)]
      .filter((m) => !exceptions.has(m[0]))
      .map((m) => ({ start: m.index, end: m.index + m[0].length, termId: byName.get(m[0])!, name: m[0] }));
}

/** One sentence per term for screen readers and the lens popover: every name and who uses it. */
export function describeTerm(term: TTerm): string {
  const names = term.variants.map((v) => `“${v.name}”: ${v.usedBy}`).join("; ");
  return `Contested term. ${term.note} Names: ${names}.`;
}
