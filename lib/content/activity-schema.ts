import { z } from "zod";

/**
 * Activities: quizzes and exercises stored as YAML in
 * content/modules/<module>/activities/NN-<slug>.yaml.
 *
 * A question carries KEY fields (answers, explanations, cited quotes, evidence passages, notes, and for
 * `order` questions the order the events are written in). The key never leaves the server before a
 * submission: the browser gets `toPublicActivity(activity)` instead.
 */

const ZSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case words joined by hyphens");
const ZId = z.string().regex(/^[a-z0-9-]+$/, "ids use a-z, 0-9 and hyphens");
const ZText = z.string().trim().min(1);

const ZOption = z.strictObject({ id: ZId, text: ZText });
const ZCite = z.strictObject({ source: ZSlug, quote: ZText });

export const SKILLS = ["perspective", "evidence", "comparison", "corroboration", "chronology", "comprehension"] as const;
export const AXES = ["genre", "stance", "source-kind"] as const;
export const CELL_VALUES = ["states", "contradicts", "omits"] as const;

const ZCell = z.enum(CELL_VALUES);

const base = { id: ZId, skill: z.enum(SKILLS), prompt: ZText };

const ZChoiceQuestion = z.strictObject({
  ...base,
  type: z.literal("choice"),
  multiple: z.boolean().default(false),
  options: z.array(ZOption).min(2),
  answer: z.array(ZId).min(1),
  explanation: ZText,
  cites: z.array(ZCite).default(() => []),
});

const ZPerspectiveAxis = z.strictObject({
  axis: z.enum(AXES),
  prompt: ZText,
  options: z.array(ZOption).min(2),
  answer: ZId,
  explanation: ZText,
  // NOTE: at least one cite per axis: every perspective label must be defensible from the text itself.
  cites: z.array(ZCite).min(1),
});

const ZPerspectiveQuestion = z.strictObject({
  ...base,
  type: z.literal("perspective"),
  source: ZSlug,
  axes: z.array(ZPerspectiveAxis).min(1),
});

const ZEvidenceQuestion = z.strictObject({
  ...base,
  type: z.literal("evidence"),
  source: ZSlug,
  label: ZText,
  passages: z.array(ZText).min(1),
  explanation: ZText,
});

const ZClaimGridQuestion = z.strictObject({
  ...base,
  type: z.literal("claim-grid"),
  sources: z.array(ZSlug).min(2).max(3),
  claims: z.array(ZOption).min(1),
  answer: z.record(z.string(), z.record(z.string(), ZCell)),
  explanation: ZText,
  cites: z.array(ZCite).default(() => []),
});

const ZMatchQuestion = z.strictObject({
  ...base,
  type: z.literal("match"),
  items: z.array(ZOption).min(2),
  choices: z.array(ZOption).min(2),
  answer: z.record(z.string(), ZId),
  explanation: ZText,
});

const ZOrderQuestion = z.strictObject({
  ...base,
  type: z.literal("order"),
  /** Written in the correct chronological order: the order itself is the key. */
  events: z.array(ZOption).min(2),
  explanation: ZText,
});

const ZCorroborationQuestion = z.strictObject({
  ...base,
  type: z.literal("corroboration"),
  source: ZSlug,
  statements: z.array(z.strictObject({ id: ZId, quote: ZText })).min(2),
  /** Statements that are unsourced or do not fit the dated record. */
  answer: z.array(ZId).min(1),
  notes: z.record(z.string(), ZText),
  explanation: ZText,
});

const ZWrittenQuestion = z.strictObject({
  ...base,
  type: z.literal("written"),
  guidance: ZText.optional(),
  minWords: z.number().int().positive().optional(),
});

export const ZQuestion = z.discriminatedUnion("type", [
  ZChoiceQuestion,
  ZPerspectiveQuestion,
  ZEvidenceQuestion,
  ZClaimGridQuestion,
  ZMatchQuestion,
  ZOrderQuestion,
  ZCorroborationQuestion,
  ZWrittenQuestion,
]);

export type TQuestion = z.infer<typeof ZQuestion>;
export type TQuestionType = TQuestion["type"];
export type TQuestionOf<T extends TQuestionType> = Extract<TQuestion, { type: T }>;
export type TCite = z.infer<typeof ZCite>;

type TIssue = { message: string; path: (string | number)[] };

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Cross-field checks a plain schema cannot express: ids resolve, keys are complete. */
function checkQuestion(q: TQuestion, activitySources: string[]): TIssue[] {
  const issues: TIssue[] = [];
  const add = (message: string, ...path: (string | number)[]) => issues.push({ message, path });
  const needSource = (slug: string, ...path: (string | number)[]) => {
    if (!activitySources.includes(slug)) add(`source "${slug}" is not listed in the activity's sources`, ...path);
  };
  const ids = (xs: { id: string }[], ...path: (string | number)[]) => {
    for (const d of duplicates(xs.map((x) => x.id))) add(`duplicate id "${d}"`, ...path);
    return new Set(xs.map((x) => x.id));
  };

  switch (q.type) {
    case "choice": {
      const opts = ids(q.options, "options");
      for (const a of q.answer) if (!opts.has(a)) add(`answer "${a}" is not an option`, "answer");
      if (duplicates(q.answer).length) add("answer lists an option twice", "answer");
      if (!q.multiple && q.answer.length !== 1) add("a single-choice question needs exactly one answer", "answer");
      break;
    }
    case "perspective": {
      needSource(q.source, "source");
      for (const d of duplicates(q.axes.map((a) => a.axis))) add(`axis "${d}" appears twice`, "axes");
      q.axes.forEach((axis, i) => {
        const opts = ids(axis.options, "axes", i, "options");
        if (!opts.has(axis.answer)) add(`answer "${axis.answer}" is not an option`, "axes", i, "answer");
      });
      break;
    }
    case "evidence":
      needSource(q.source, "source");
      break;
    case "claim-grid": {
      q.sources.forEach((s, i) => needSource(s, "sources", i));
      const claims = ids(q.claims, "claims");
      for (const c of claims) {
        for (const s of q.sources) if (!q.answer[c]?.[s]) add(`answer missing for claim "${c}" × "${s}"`, "answer");
      }
      for (const [c, row] of Object.entries(q.answer)) {
        if (!claims.has(c)) add(`answer names unknown claim "${c}"`, "answer");
        for (const s of Object.keys(row)) if (!q.sources.includes(s)) add(`answer names unknown source "${s}"`, "answer", c);
      }
      break;
    }
    case "match": {
      const items = ids(q.items, "items");
      const choices = ids(q.choices, "choices");
      for (const it of items) if (!q.answer[it]) add(`answer missing for item "${it}"`, "answer");
      for (const [it, ch] of Object.entries(q.answer)) {
        if (!items.has(it)) add(`answer names unknown item "${it}"`, "answer");
        if (!choices.has(ch)) add(`answer names unknown choice "${ch}"`, "answer", it);
      }
      break;
    }
    case "order":
      ids(q.events, "events");
      break;
    case "corroboration": {
      needSource(q.source, "source");
      const st = ids(q.statements, "statements");
      for (const a of q.answer) if (!st.has(a)) add(`answer names unknown statement "${a}"`, "answer");
      for (const s of st) if (!q.notes[s]) add(`note missing for statement "${s}"`, "notes");
      for (const n of Object.keys(q.notes)) if (!st.has(n)) add(`note for unknown statement "${n}"`, "notes");
      break;
    }
    case "written":
      break;
  }
  return issues;
}

export const ZActivity = z
  .strictObject({
    slug: ZSlug,
    kind: z.enum(["quiz", "exercise"]),
    title: ZText,
    intro: ZText,
    sources: z.array(ZSlug).min(1),
    layout: z.enum(["single", "compare"]).default("single"),
    questions: z.array(ZQuestion).min(1),
  })
  .superRefine((activity, ctx) => {
    for (const d of duplicates(activity.questions.map((q) => q.id))) {
      ctx.addIssue({ code: "custom", message: `duplicate question id "${d}"`, path: ["questions"] });
    }
    if (activity.layout === "compare" && activity.sources.length < 2) {
      ctx.addIssue({ code: "custom", message: "a compare layout needs at least two sources", path: ["layout"] });
    }
    activity.questions.forEach((q, i) => {
      for (const issue of checkQuestion(q, activity.sources)) {
        ctx.addIssue({ code: "custom", message: issue.message, path: ["questions", i, ...issue.path] });
      }
    });
  });

export type TActivity = z.infer<typeof ZActivity>;

// ---------------------------------------------------------------------------------------------------
// Learner answers. Every field may be missing or empty so a half-finished attempt can be autosaved.

const ZIdList = z.array(z.string().max(100)).max(200);
/** At most `max` keys: a learner's answer can never grow beyond what any question could need. */
const limitKeys = (max: number) => (o: object) => Object.keys(o).length <= max;
const ZIdMap = z.record(z.string().max(100), z.string().max(100)).refine(limitKeys(200), "Too many entries.");

export const ZAnswerByType = {
  choice: z.object({ selected: ZIdList.default(() => []) }),
  perspective: z.object({ axes: ZIdMap.default(() => ({})) }),
  /** Character offsets into the source body string, end exclusive. */
  evidence: z.object({ ranges: z.array(z.tuple([z.number().int(), z.number().int()])).max(500).default(() => []) }),
  "claim-grid": z.object({
    cells: z
      .record(z.string().max(100), z.record(z.string().max(100), ZCell).refine(limitKeys(10), "Too many entries."))
      .refine(limitKeys(100), "Too many entries.")
      .default(() => ({})),
  }),
  match: z.object({ pairs: ZIdMap.default(() => ({})) }),
  order: z.object({ order: ZIdList.default(() => []) }),
  corroboration: z.object({ flagged: ZIdList.default(() => []) }),
  written: z.object({ text: z.string().max(5000).default("") }),
} as const satisfies Record<TQuestionType, z.ZodType>;

export type TAnswerFor<T extends TQuestionType> = z.output<(typeof ZAnswerByType)[T]>;

/** An answer tagged with its question type, e.g. for storage or an autosave payload. */
export const ZAnswer = z.discriminatedUnion("type", [
  ZAnswerByType.choice.extend({ type: z.literal("choice") }),
  ZAnswerByType.perspective.extend({ type: z.literal("perspective") }),
  ZAnswerByType.evidence.extend({ type: z.literal("evidence") }),
  ZAnswerByType["claim-grid"].extend({ type: z.literal("claim-grid") }),
  ZAnswerByType.match.extend({ type: z.literal("match") }),
  ZAnswerByType.order.extend({ type: z.literal("order") }),
  ZAnswerByType.corroboration.extend({ type: z.literal("corroboration") }),
  ZAnswerByType.written.extend({ type: z.literal("written") }),
]);
export type TAnswer = z.output<typeof ZAnswer>;

/** Answers for a whole attempt, keyed by question id; each value is checked per question when graded. */
export const ZAttemptAnswers = z.record(z.string().max(100), z.unknown());

/** Parses a learner's answer to one question; null when it does not have the question's shape. */
export function parseAnswerFor<T extends TQuestionType>(type: T, raw: unknown): TAnswerFor<T> | null {
  const parsed = ZAnswerByType[type].safeParse(raw);
  return parsed.success ? (parsed.data as TAnswerFor<T>) : null;
}

// ---------------------------------------------------------------------------------------------------
// Quotes

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

// ---------------------------------------------------------------------------------------------------
// Public form

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
