import type { TActivity, TCite } from "./activity-schema";

export type TCollectedQuote = { source: string; quote: string; where: string };

/**
 * Every quote an activity claims a source contains: cites, evidence passages and corroboration
 * statements. Content tests check each one against the source body, character for character.
 * `where` names its place, e.g. "questions.q3.passages.1" or "questions.q1.axes.stance.cites.0".
 */
export function collectQuotes(activity: TActivity): TCollectedQuote[] {
  const out: TCollectedQuote[] = [];
  const cites = (list: TCite[], where: string) =>
    list.forEach((c, i) => out.push({ source: c.source, quote: c.quote, where: `${where}.cites.${i}` }));

  for (const q of activity.questions) {
    const at = `questions.${q.id}`;
    switch (q.type) {
      case "choice":
      case "claim-grid":
        cites(q.cites, at);
        break;
      case "perspective":
        for (const axis of q.axes) cites(axis.cites, `${at}.axes.${axis.axis}`);
        break;
      case "evidence":
        q.passages.forEach((p, i) => out.push({ source: q.source, quote: p, where: `${at}.passages.${i}` }));
        break;
      case "corroboration":
        for (const s of q.statements) out.push({ source: q.source, quote: s.quote, where: `${at}.statements.${s.id}` });
        break;
      default:
        break;
    }
  }
  return out;
}
