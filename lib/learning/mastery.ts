import type { TActivity, TQuestion } from "@/lib/content/activity-schema";
import type { TActivityResult } from "@/lib/grading/feedback";

export const MASTERY_SKILLS = ["perspective", "evidence", "comparison", "corroboration", "chronology"] as const;
export type TMasterySkill = (typeof MASTERY_SKILLS)[number];
export type TMastery = Record<TMasterySkill, { share: number | null; questions: number }>;

type TSubmitted = { activityId: string; result: unknown; activity: { definition: unknown } };

/**
 * Mastery per skill: the average credit on that skill's questions in the learner's latest submitted
 * attempt of each activity (older attempts do not drag the figure down once the learner improves).
 * `attempts` must be ordered newest first. `share` is null when no question of the skill was answered yet.
 */
export function computeMastery(attempts: TSubmitted[]): TMastery {
  const seen = new Set<string>();
  const sums = Object.fromEntries(MASTERY_SKILLS.map((s) => [s, { total: 0, n: 0 }])) as Record<TMasterySkill, { total: number; n: number }>;
  for (const attempt of attempts) {
    if (seen.has(attempt.activityId)) continue;
    seen.add(attempt.activityId);
    const result = attempt.result as TActivityResult | null;
    const questions = (attempt.activity.definition as TActivity | null)?.questions ?? [];
    const skillOf = new Map<string, TQuestion["skill"]>(questions.map((q) => [q.id, q.skill]));
    for (const q of result?.questions ?? []) {
      const skill = skillOf.get(q.id);
      if (!skill || !(MASTERY_SKILLS as readonly string[]).includes(skill) || q.max === 0) continue;
      sums[skill as TMasterySkill].total += q.fraction;
      sums[skill as TMasterySkill].n += 1;
    }
  }
  return Object.fromEntries(
    MASTERY_SKILLS.map((s) => [s, { share: sums[s].n ? sums[s].total / sums[s].n : null, questions: sums[s].n }]),
  ) as TMastery;
}

/** The weakest practised skill, or the first not yet practised: what to work on next. */
export function weakestSkill(mastery: TMastery): TMasterySkill | null {
  const unpractised = MASTERY_SKILLS.find((s) => mastery[s].share === null);
  if (unpractised) return unpractised;
  const sorted = [...MASTERY_SKILLS].sort((a, b) => (mastery[a].share ?? 0) - (mastery[b].share ?? 0));
  return (mastery[sorted[0]!].share ?? 0) < 0.8 ? sorted[0]! : null;
}
