import type { TActivity, TQuestion } from "../content/activity-schema";
import { parseAnswerFor } from "../content/answer-schema";
import type { TActivityResult, TQuestionFeedback, TQuestionResult } from "./feedback";
import { scoreChoice } from "./score-choice";
import { scoreClaimGrid } from "./score-claim-grid";
import { scoreCorroboration } from "./score-corroboration";
import { EVIDENCE_RULE, locatePassages, normalizeRanges, scoreEvidence } from "./score-evidence";
import { scoreMatch } from "./score-match";
import { scoreOrder } from "./score-order";
import { scorePerspective } from "./score-perspective";

/** Rounds away floating-point noise (0.30000000000000004) without hiding real partial credit. */
const round = (n: number) => Math.round(n * 1000) / 1000;

const countWords = (text: string) => (text.trim() ? text.trim().split(/\s+/).length : 0);

type TGraded = { fraction: number; answered: boolean; feedback: TQuestionFeedback };

function gradeQuestion(q: TQuestion, raw: unknown, bodies: Readonly<Record<string, string>>): TGraded {
  switch (q.type) {
    case "choice": {
      const a = parseAnswerFor("choice", raw);
      const r = scoreChoice(q, a?.selected ?? []);
      return {
        fraction: a ? r.fraction : 0,
        answered: !!a,
        feedback: { type: "choice", selected: a?.selected ?? [], correctAnswer: [...q.answer], correctPicks: r.correctPicks, wrongPicks: r.wrongPicks, missed: r.missed, explanation: q.explanation, cites: q.cites },
      };
    }
    case "perspective": {
      const a = parseAnswerFor("perspective", raw);
      const chosen = a?.axes ?? {};
      const r = scorePerspective(q.axes, chosen);
      return {
        fraction: a ? r.fraction : 0,
        answered: !!a,
        feedback: {
          type: "perspective",
          source: q.source,
          axes: q.axes.map((axis, i) => ({
            axis: axis.axis,
            selected: chosen[axis.axis] ?? null,
            correctAnswer: axis.answer,
            correct: r.correct[i]!,
            explanation: axis.explanation,
            cites: axis.cites,
          })),
        },
      };
    }
    case "evidence": {
      const a = parseAnswerFor("evidence", raw);
      const body = bodies[q.source];
      let fraction = 0;
      let feedback: TQuestionFeedback = {
        type: "evidence",
        source: q.source,
        rule: EVIDENCE_RULE,
        passages: q.passages.map((quote) => ({ quote, start: null, end: null, found: false })),
        selected: [],
        precision: 0,
        recall: 0,
        explanation: q.explanation,
      };
      // NOTE: a missing body or passage is a content error; the learner scores 0 rather than seeing a crash.
      if (body !== undefined) {
        try {
          const keyRanges = locatePassages(body, q.passages);
          const r = scoreEvidence(body, q.passages, a?.ranges ?? []);
          fraction = a ? r.fraction : 0;
          feedback = {
            ...feedback,
            passages: q.passages.map((quote, i) => ({ quote, start: keyRanges[i]![0], end: keyRanges[i]![1], found: r.found[i]! })),
            selected: normalizeRanges(a?.ranges ?? [], body.length),
            precision: r.precision,
            recall: r.recall,
          };
        } catch {
          fraction = 0;
        }
      }
      return { fraction, answered: !!a, feedback };
    }
    case "claim-grid": {
      const a = parseAnswerFor("claim-grid", raw);
      const r = scoreClaimGrid(q, a?.cells ?? {});
      return {
        fraction: a ? r.fraction : 0,
        answered: !!a,
        feedback: {
          type: "claim-grid",
          cells: r.cells.map((c) => ({
            claimId: c.claimId,
            source: c.source,
            selected: c.given ?? null,
            correctAnswer: c.expected ?? null,
            correct: c.correct,
          })),
          explanation: q.explanation,
          cites: q.cites,
        },
      };
    }
    case "match": {
      const a = parseAnswerFor("match", raw);
      const r = scoreMatch(q, a?.pairs ?? {});
      return {
        fraction: a ? r.fraction : 0,
        answered: !!a,
        feedback: {
          type: "match",
          pairs: r.pairs.map((p) => ({ itemId: p.itemId, selected: p.given ?? null, correctAnswer: p.expected ?? null, correct: p.correct })),
          explanation: q.explanation,
        },
      };
    }
    case "order": {
      const a = parseAnswerFor("order", raw);
      const keyOrder = q.events.map((e) => e.id);
      const r = scoreOrder(keyOrder, a?.order ?? []);
      return {
        fraction: a ? r.fraction : 0,
        answered: !!a,
        feedback: { type: "order", submitted: a?.order ?? [], correctOrder: keyOrder, pairsCorrect: r.pairsCorrect, pairsTotal: r.pairsTotal, explanation: q.explanation },
      };
    }
    case "corroboration": {
      const a = parseAnswerFor("corroboration", raw);
      const r = scoreCorroboration(q, a?.flagged ?? []);
      return {
        fraction: a ? r.fraction : 0,
        answered: !!a,
        feedback: {
          type: "corroboration",
          statements: r.statements.map((s) => ({ ...s, note: q.notes[s.id] ?? "" })),
          explanation: q.explanation,
        },
      };
    }
    case "written": {
      const a = parseAnswerFor("written", raw);
      const text = a?.text ?? "";
      return {
        fraction: 0,
        answered: !!a,
        feedback: { type: "written", text, wordCount: countWords(text), minWords: q.minWords ?? null, guidance: q.guidance ?? null, autoGraded: false },
      };
    }
  }
}

/**
 * Grades one attempt. Every auto-graded question is worth 1 point, earned in proportion to its
 * fraction; written questions are worth 0 (an instructor reads them). A missing or malformed answer
 * scores 0 and never throws, so a half-finished attempt can always be submitted.
 *
 * @param answers learner answers keyed by question id (unvalidated; each is parsed per question type)
 * @param sourceBodies source body strings keyed by slug; evidence offsets index into these
 */
export function gradeActivity(
  activity: TActivity,
  answers: Readonly<Record<string, unknown>>,
  sourceBodies: Readonly<Record<string, string>>,
): TActivityResult {
  const safeAnswers = answers && typeof answers === "object" ? answers : {};
  const questions: TQuestionResult[] = activity.questions.map((q) => {
    const max = q.type === "written" ? 0 : 1;
    const raw = Object.prototype.hasOwnProperty.call(safeAnswers, q.id) ? safeAnswers[q.id] : undefined;
    // NOTE: undefined would parse as an empty answer (defaults); a missing answer is "not answered".
    const g: TGraded = raw === undefined || raw === null ? { ...gradeQuestion(q, {}, sourceBodies), answered: false } : gradeQuestion(q, raw, sourceBodies);
    const fraction = raw === undefined || raw === null ? 0 : round(Math.min(1, Math.max(0, g.fraction)));
    return { id: q.id, type: q.type, fraction, points: round(fraction * max), max, answered: g.answered, feedback: g.feedback };
  });
  return {
    score: round(questions.reduce((n, q) => n + q.points, 0)),
    maxScore: questions.reduce((n, q) => n + q.max, 0),
    questions,
  };
}
