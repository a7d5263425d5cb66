import { describe, expect, it } from "vitest";
import { computeMastery, weakestSkill } from "@/lib/learning/mastery";
import { bestAttempt, formatScore } from "@/lib/learning/scores";

describe("scores", () => {
  it("formats a share of points and picks the best attempt, the earliest of equals", () => {
    expect(formatScore({ score: 2.5, maxScore: 4 })).toBe("63%");
    expect(formatScore({ score: null, maxScore: null })).toBe("0%");
    const attempts = [{ n: 1, score: 1, maxScore: 4 }, { n: 2, score: 3, maxScore: 4 }, { n: 3, score: 3, maxScore: 4 }];
    expect(bestAttempt(attempts)?.n).toBe(2);
    expect(bestAttempt([])).toBeNull();
  });
});

const activity = (questions: { id: string; skill: string }[]) => ({ definition: { questions } });
const result = (qs: { id: string; fraction: number; max?: number }[]) => ({ questions: qs.map((q) => ({ ...q, max: q.max ?? 1 })) });

describe("mastery per skill", () => {
  it("counts only the latest attempt of each activity and ignores unscored questions", () => {
    const def = activity([{ id: "p", skill: "perspective" }, { id: "e", skill: "evidence" }, { id: "w", skill: "comprehension" }]);
    const mastery = computeMastery([
      { activityId: "a", result: result([{ id: "p", fraction: 1 }, { id: "e", fraction: 0.5 }, { id: "w", fraction: 0, max: 0 }]), activity: def },
      { activityId: "a", result: result([{ id: "p", fraction: 0 }, { id: "e", fraction: 0 }]), activity: def },
    ]);
    expect(mastery.perspective).toEqual({ share: 1, questions: 1 });
    expect(mastery.evidence).toEqual({ share: 0.5, questions: 1 });
    expect(mastery.chronology).toEqual({ share: null, questions: 0 });
  });

  it("suggests an unpractised skill first, then the weakest below 80%, then nothing", () => {
    const base = { perspective: { share: 0.9, questions: 2 }, evidence: { share: 0.5, questions: 2 }, comparison: { share: 0.85, questions: 1 }, corroboration: { share: 0.9, questions: 1 }, chronology: { share: 0.95, questions: 1 } };
    expect(weakestSkill({ ...base, chronology: { share: null, questions: 0 } })).toBe("chronology");
    expect(weakestSkill(base)).toBe("evidence");
    expect(weakestSkill({ ...base, evidence: { share: 0.8, questions: 2 } })).toBeNull();
  });
});
