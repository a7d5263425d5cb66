import type { TCite } from "../content/activity-schema";
import type { TCellValue } from "./score-claim-grid";
import type { TRange } from "./score-evidence";

/**
 * What a learner sees after submitting: what they got right and the full key. Only ever sent to the
 * browser after the attempt is submitted.
 */
export type TQuestionFeedback =
  | {
      type: "choice";
      selected: string[];
      correctAnswer: string[];
      correctPicks: string[];
      wrongPicks: string[];
      missed: string[];
      explanation: string;
      cites: TCite[];
    }
  | {
      type: "perspective";
      source: string;
      axes: { axis: string; selected: string | null; correctAnswer: string; correct: boolean; explanation: string; cites: TCite[] }[];
    }
  | {
      type: "evidence";
      source: string;
      rule: string;
      /** Key passages with their offsets in the source body; empty offsets if the body was unavailable. */
      passages: { quote: string; start: number | null; end: number | null; found: boolean }[];
      selected: TRange[];
      precision: number;
      recall: number;
      explanation: string;
    }
  | {
      type: "claim-grid";
      cells: { claimId: string; source: string; selected: TCellValue | null; correctAnswer: TCellValue | null; correct: boolean }[];
      explanation: string;
      cites: TCite[];
    }
  | {
      type: "match";
      pairs: { itemId: string; selected: string | null; correctAnswer: string | null; correct: boolean }[];
      explanation: string;
    }
  | {
      type: "order";
      submitted: string[];
      correctOrder: string[];
      pairsCorrect: number;
      pairsTotal: number;
      explanation: string;
    }
  | {
      type: "corroboration";
      statements: { id: string; flagged: boolean; shouldFlag: boolean; correct: boolean; note: string }[];
      explanation: string;
    }
  | {
      type: "written";
      text: string;
      wordCount: number;
      minWords: number | null;
      guidance: string | null;
      /** Written answers are read by an instructor, not scored automatically. */
      autoGraded: false;
    };

export type TQuestionResult = {
  id: string;
  type: TQuestionFeedback["type"];
  /** 0..1 share of the question's credit earned. */
  fraction: number;
  points: number;
  max: number;
  /** False when the answer was missing or not of the question's shape (scored 0). */
  answered: boolean;
  feedback: TQuestionFeedback;
};

export type TActivityResult = { score: number; maxScore: number; questions: TQuestionResult[] };
