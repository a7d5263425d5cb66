import { randomInt } from "node:crypto";
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

/**
 * The items in a uniformly random order, drawn with the server's cryptographic randomness (Fisher-Yates
 * with `randomInt`). NOTE: every order is possible, the right one included: leaving it out (as the
 * earlier seeded shuffle did) tells the learner something, and with two items gives the key away.
 */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const pickOption = (o: TOption): TOption => ({ id: o.id, text: o.text });

function toPublicQuestion(q: TQuestion): TPublicQuestion {
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
      // NOTE: the events are written in the right order, so they are stored in a random one; each attempt
      // then shows its own (lib/attempts/shown-order.ts), so this order never reaches a learner.
      return { ...b, type: q.type, events: shuffled(q.events.map(pickOption)) };
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
    questions: activity.questions.map(toPublicQuestion),
  };
}
