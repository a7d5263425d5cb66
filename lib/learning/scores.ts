type TScored = { score: number | null; maxScore: number | null };

/** The share of the points an attempt earned, 0..1. */
export const scoreShare = (a: TScored) => (a.score ?? 0) / (a.maxScore || 1);

/** "73%": an attempt's score as learners see it everywhere. */
export const formatScore = (a: TScored) => `${Math.round(scoreShare(a) * 100)}%`;

/** The attempt with the highest share of points (the earliest of equals), or null when there is none. */
export function bestAttempt<T extends TScored>(attempts: readonly T[]): T | null {
  return attempts.reduce<T | null>((best, a) => (!best || scoreShare(a) > scoreShare(best) ? a : best), null);
}
