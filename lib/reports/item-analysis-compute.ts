import type { TActivity } from "@/lib/content/activity-schema";
import type { TActivityResult, TQuestionResult } from "@/lib/grading/feedback";

export type TOptionCount = { id: string; text: string; count: number; share: number; correct: boolean };

export type TQuestionAnalysis =
  | { type: "choice"; id: string; prompt: string; answered: number; meanScore: number; options: TOptionCount[] }
  | {
      type: "perspective";
      id: string;
      prompt: string;
      source: string;
      answered: number;
      meanScore: number;
      axes: { axis: string; prompt: string; shareCorrect: number; options: TOptionCount[]; commonestWrong: TOptionCount | null }[];
    }
  | {
      type: "evidence";
      id: string;
      prompt: string;
      source: string;
      answered: number;
      meanScore: number;
      /** Mean share of key passages found (recall) and of highlighted text inside them (precision). */
      meanRecall: number;
      meanPrecision: number;
      passages: { quote: string; foundShare: number }[];
    }
  | { type: "other"; questionType: string; id: string; prompt: string; answered: number; meanScore: number };

export type TActivityAnalysis = { activityId: string; title: string; respondents: number; meanScore: number; questions: TQuestionAnalysis[] };

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round = (n: number) => Math.round(n * 1000) / 1000;

function tally(options: { id: string; text: string }[], picks: string[], correct: (id: string) => boolean, respondents: number): TOptionCount[] {
  return options.map((o) => {
    const count = picks.filter((p) => p === o.id).length;
    return { id: o.id, text: o.text, count, share: respondents ? round(count / respondents) : 0, correct: correct(o.id) };
  });
}

/** The commonest wrong pick, or null when nobody picked a wrong option. Ties go to the option listed first. */
function commonestWrong(options: TOptionCount[]): TOptionCount | null {
  return options.filter((o) => !o.correct && o.count > 0).reduce<TOptionCount | null>((best, o) => (!best || o.count > best.count ? o : best), null);
}

/**
 * Per-question statistics for one activity over a set of graded results (one per student): how answers
 * were distributed, the commonest wrong perspective label per axis, and how much key evidence was found.
 */
export function analyzeActivity(activityId: string, activity: TActivity, results: readonly TActivityResult[]): TActivityAnalysis {
  const n = results.length;
  const resultsFor = (id: string) => results.map((r) => r.questions.find((q) => q.id === id)).filter((q): q is TQuestionResult => !!q);
  const questions = activity.questions.map((q): TQuestionAnalysis => {
    const rs = resultsFor(q.id);
    const answered = rs.filter((r) => r.answered);
    const meanScore = round(mean(rs.map((r) => r.fraction)));
    switch (q.type) {
      case "choice": {
        const picks = answered.flatMap((r) => (r.feedback.type === "choice" ? r.feedback.selected : []));
        return { type: "choice", id: q.id, prompt: q.prompt, answered: answered.length, meanScore, options: tally(q.options, picks, (id) => q.answer.includes(id), n) };
      }
      case "perspective":
        return {
          type: "perspective",
          id: q.id,
          prompt: q.prompt,
          source: q.source,
          answered: answered.length,
          meanScore,
          axes: q.axes.map((axis) => {
            const picks = answered.flatMap((r) =>
              r.feedback.type === "perspective" ? r.feedback.axes.filter((a) => a.axis === axis.axis && a.selected).map((a) => a.selected!) : [],
            );
            const options = tally(axis.options, picks, (id) => id === axis.answer, n);
            return {
              axis: axis.axis,
              prompt: axis.prompt,
              shareCorrect: n ? round(picks.filter((p) => p === axis.answer).length / n) : 0,
              options,
              commonestWrong: commonestWrong(options),
            };
          }),
        };
      case "evidence": {
        const fb = answered.flatMap((r) => (r.feedback.type === "evidence" ? [r.feedback] : []));
        return {
          type: "evidence",
          id: q.id,
          prompt: q.prompt,
          source: q.source,
          answered: answered.length,
          meanScore,
          meanRecall: round(mean(fb.map((f) => f.recall))),
          meanPrecision: round(mean(fb.map((f) => f.precision))),
          passages: q.passages.map((quote, i) => ({
            quote,
            foundShare: n ? round(fb.filter((f) => f.passages[i]?.found).length / n) : 0,
          })),
        };
      }
      default:
        return { type: "other", questionType: q.type, id: q.id, prompt: q.prompt, answered: answered.length, meanScore };
    }
  });
  return {
    activityId,
    title: activity.title,
    respondents: n,
    meanScore: round(mean(results.map((r) => (r.maxScore ? r.score / r.maxScore : 0)))),
    questions,
  };
}
