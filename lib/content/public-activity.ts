import type { AXES, TActivity, TQuestion } from "./activity-schema";

// What the browser gets of an activity before submission: every key field stripped.

type TBasePublic = { id: string; skill: TQuestion["skill"]; prompt: string };
type TOption = { id: string; text: string };

export type TPublicQuestion = TBasePublic &
  (
    | { type: "choice"; multiple: boolean; options: TOption[] }
    | { type: "perspective"; source: string; axes: { axis: (typeof AXES)[number]; prompt: string; options: TOption[] }[] }
    | { type: "evidence"; source: string; label: string }
    | { type: "claim-grid"; sources: string[]; claims: TOption[] }
    | { type: "match"; items: TOption[]; choices: TOption[] }
    | { type: "order"; events: TOption[] }
    | { type: "corroboration"; source: string; statements: { id: string; quote: string }[] }
    | { type: "written"; guidance?: string; minWords?: number }
  );

export type TPublicActivity = Omit<TActivity, "questions"> & { questions: TPublicQuestion[] };

/** FNV-1a, 32 bit: a stable hash so every learner sees the same shuffle. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Shuffles deterministically from `seed`. NOTE: if the shuffle happens to return the original
 * order, it is rotated by one, so the public order never gives the key away.
 */
export function stableShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const rand = seededRandom(hashString(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (out.length > 1 && out.every((x, i) => x === items[i])) out.push(out.shift()!);
  return out;
}

const pickOption = (o: TOption): TOption => ({ id: o.id, text: o.text });

function toPublicQuestion(q: TQuestion, activitySlug: string): TPublicQuestion {
  const b = { id: q.id, skill: q.skill, prompt: q.prompt };
  switch (q.type) {
    case "choice":
      return { ...b, type: q.type, multiple: q.multiple, options: q.options.map(pickOption) };
    case "perspective":
      return {
        ...b,
        type: q.type,
        source: q.source,
        axes: q.axes.map((a) => ({ axis: a.axis, prompt: a.prompt, options: a.options.map(pickOption) })),
      };
    case "evidence":
      return { ...b, type: q.type, source: q.source, label: q.label };
    case "claim-grid":
      return { ...b, type: q.type, sources: [...q.sources], claims: q.claims.map(pickOption) };
    case "match":
      return { ...b, type: q.type, items: q.items.map(pickOption), choices: q.choices.map(pickOption) };
    case "order":
      return { ...b, type: q.type, events: stableShuffle(q.events.map(pickOption), `${activitySlug}:${q.id}`) };
    case "corroboration":
      return { ...b, type: q.type, source: q.source, statements: q.statements.map((s) => ({ id: s.id, quote: s.quote })) };
    case "written":
      return {
        ...b,
        type: q.type,
        ...(q.guidance !== undefined && { guidance: q.guidance }),
        ...(q.minWords !== undefined && { minWords: q.minWords }),
      };
  }
}

/**
 * The form the browser receives before submission: every key field (answer, explanation, cites,
 * passages, notes, and the correct order of events) is left out. Built field by field (an allow-list)
 * so a key field added later is not leaked by accident.
 */
export function toPublicActivity(activity: TActivity): TPublicActivity {
  return {
    slug: activity.slug,
    kind: activity.kind,
    title: activity.title,
    intro: activity.intro,
    sources: [...activity.sources],
    layout: activity.layout,
    questions: activity.questions.map((q) => toPublicQuestion(q, activity.slug)),
  };
}
