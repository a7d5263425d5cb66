import { z } from "zod";
import { AXES, type TActivity, type TQuestion } from "@/lib/content/activity-schema";

/**
 * The guided way to add questions on one source: mark key passages on its text, label them (an evidence
 * question), and classify the text on up to three axes, each answer citing some of those passages (a
 * perspective question). The options are the course's standard ones, so reports and the coverage
 * report read every source alike; anything finer is edited afterwards in the activity's YAML.
 */
export const AXIS_PRESETS = {
  genre: {
    prompt: "What kind of text is it?",
    options: [
      { id: "news", text: "A news report of recent events" },
      { id: "analysis", text: "An analysis by a research centre or think tank" },
      { id: "opinion", text: "An opinion piece arguing a case" },
      { id: "perspective-essay", text: "An essay commissioned to present one side's perspective" },
      { id: "official", text: "An official government statement" },
    ],
  },
  stance: {
    prompt: "Whose side, if any, does the text take?",
    options: [
      { id: "pro-azerbaijani", text: "Pro-Azerbaijani" },
      { id: "pro-armenian", text: "Pro-Armenian" },
      { id: "reporting", text: "Mainly reporting, setting out several sides' views" },
      { id: "pro-russian", text: "Pro-Russian" },
    ],
  },
  "source-kind": {
    prompt: "Who is speaking?",
    options: [
      { id: "government", text: "A government body" },
      { id: "individual", text: "An individual commentator or academic" },
      { id: "news-agency", text: "A news outlet or agency" },
      { id: "think-tank", text: "A think tank publishing its institutional analysis" },
    ],
  },
} as const;

const ZText = (max: number) => z.string().trim().min(1, "Required.").max(max);

export const ZBuilderInput = z.object({
  sourceSlug: z.string().max(120),
  moduleSlug: z.string().min(1, "Choose a module.").max(120),
  /** "new" makes a new draft quiz; otherwise the slug of an activity to add the questions to. */
  target: z.string().min(1).max(120),
  activityTitle: z.string().trim().max(200).default(""),
  passages: z.array(ZText(5_000)).min(1, "Mark at least one key passage on the text.").max(30),
  evidence: z.object({ label: ZText(300), explanation: ZText(4_000) }),
  axes: z
    .array(
      z.object({
        axis: z.enum(AXES),
        answer: z.string().min(1, "Choose the answer."),
        explanation: ZText(4_000),
        cites: z.array(z.number().int().min(0)).min(1, "Cite at least one marked passage for this answer."),
      }),
    )
    .min(1, "Classify the text on at least one axis.")
    .max(3),
});
export type TBuilderInput = z.infer<typeof ZBuilderInput>;
export type TBuilderSource = { slug: string; title: string; outlet: string; publishedAt: string };

function nextIds(existing: TQuestion[], count: number) {
  const taken = new Set(existing.map((q) => q.id));
  const ids: string[] = [];
  for (let n = 1; ids.length < count; n++) if (!taken.has(`q${n}`)) ids.push(`q${n}`);
  return ids;
}

/** The perspective and evidence questions the builder describes, with ids that are free in `existing`. */
export function buildSourceQuestions(input: TBuilderInput, source: TBuilderSource, existing: TQuestion[] = []): TQuestion[] {
  const [perspectiveId, evidenceId] = nextIds(existing, 2) as [string, string];
  const perspective: TQuestion = {
    id: perspectiveId,
    type: "perspective",
    skill: "perspective",
    prompt: `Identify the perspective of “${source.title}” (${source.outlet}, ${source.publishedAt}).`,
    source: source.slug,
    axes: input.axes.map((a) => ({
      axis: a.axis,
      prompt: AXIS_PRESETS[a.axis].prompt,
      options: AXIS_PRESETS[a.axis].options.map((o) => ({ ...o })),
      answer: a.answer,
      explanation: a.explanation,
      cites: a.cites.map((i) => ({ source: source.slug, quote: input.passages[i]! })),
    })),
  };
  const evidence: TQuestion = {
    id: evidenceId,
    type: "evidence",
    skill: "evidence",
    prompt: `Highlight the passages in “${source.title}” that show this: ${input.evidence.label}`,
    source: source.slug,
    label: input.evidence.label,
    passages: input.passages,
    explanation: input.evidence.explanation,
  };
  return [perspective, evidence];
}

/** A new quiz on one source holding the built questions. */
export function newSourceQuiz(input: TBuilderInput, source: TBuilderSource, slug: string): TActivity {
  return {
    slug,
    kind: "quiz",
    title: input.activityTitle || `Quiz: ${source.title}`,
    intro: `Read “${source.title}” (${source.outlet}, ${source.publishedAt}). Identify its perspective, then mark the passages that show it.`,
    sources: [source.slug],
    layout: "single",
    questions: buildSourceQuestions(input, source),
  };
}
