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

export const ZCell = z.enum(CELL_VALUES);

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
    /** Drafts are seen only by admins. Kept in the Activity row, not in the stored definition. */
    status: z.enum(["published", "draft"]).optional(),
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
