import type { TCite } from "@/lib/content/activity-schema";
import type { TPublicActivity, TPublicQuestion } from "@/lib/content/public-activity";
import type { TActivityResult, TQuestionResult } from "@/lib/grading/feedback";
import { HighlightedExcerpt } from "./highlighted-excerpt";
import type { TSourceText } from "./question-types";

type TProps = { activity: TPublicActivity; result: TActivityResult; sources: TSourceText[] };

const percent = (n: number) => `${Math.round(n * 100)}%`;
/** Joins option texts into a sentence without doubling their own final full stops. */
const list = (texts: string[]) => texts.map((t) => t.replace(/[.]$/, "")).join("; ");
const CELL = { states: "states it", contradicts: "contradicts it", omits: "leaves it out" } as const;

/** Feedback after submission: the score, and for every question what was right and what the key says, with the passages it cites. */
export function AttemptResult({ activity, result, sources }: TProps) {
  const titleOf = (slug: string) => sources.find((s) => s.slug === slug)?.title ?? slug;
  return (
    <div className="flex flex-col gap-6">
      <ol className="flex flex-col gap-6">
        {result.questions.map((r, i) => {
          const q = activity.questions.find((x) => x.id === r.id);
          if (!q) return null;
          return (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="mb-1 text-sm font-semibold uppercase tracking-wide text-muted">
                Question {i + 1}: {r.max === 0 ? "not scored" : `${percent(r.fraction)} of the credit`}
              </h3>
              <p className="mb-3 font-medium">{q.prompt}</p>
              <Feedback q={q} r={r} sources={sources} titleOf={titleOf} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function Cites({ cites, titleOf }: { cites: TCite[]; titleOf: (slug: string) => string }) {
  if (cites.length === 0) return null;
  return (
    <div className="mt-2">
      <p className="text-sm font-semibold">The passages behind the key:</p>
      <ul className="mt-1 flex flex-col gap-2">
        {cites.map((c, i) => (
          <li key={i}>
            <blockquote className="border-l-4 border-green-700 pl-3 font-serif">“{c.quote}”</blockquote>
            <p className="text-sm text-muted">— {titleOf(c.source)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

const Verdict = ({ ok, children }: { ok: boolean; children: React.ReactNode }) => (
  <p className={ok ? "text-green-800" : "text-red-800"}>
    <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
    <span className="sr-only">{ok ? "Correct: " : "Not right: "}</span>
    {children}
  </p>
);

type TFeedbackProps = { q: TPublicQuestion; r: TQuestionResult; sources: TSourceText[]; titleOf: (slug: string) => string };

function Feedback({ q, r, sources, titleOf }: TFeedbackProps) {
  const f = r.feedback;
  const optionText = (id: string | null) => {
    if (!id) return "no answer";
    if (q.type === "choice") return q.options.find((o) => o.id === id)?.text ?? id;
    if (q.type === "match") return q.choices.find((o) => o.id === id)?.text ?? id;
    return id;
  };
  switch (f.type) {
    case "choice":
      return (
        <div className="flex flex-col gap-1">
          <Verdict ok={r.fraction === 1}>You chose: {list(f.selected.map(optionText)) || "nothing"}.</Verdict>
          {r.fraction < 1 && <p>The key: {list(f.correctAnswer.map(optionText))}.</p>}
          <p>{f.explanation}</p>
          <Cites cites={f.cites} titleOf={titleOf} />
        </div>
      );
    case "perspective": {
      const axes = q.type === "perspective" ? q.axes : [];
      const text = (axis: string, id: string | null) => axes.find((a) => a.axis === axis)?.options.find((o) => o.id === id)?.text ?? id ?? "no answer";
      return (
        <ul className="flex flex-col gap-4">
          {f.axes.map((a) => (
            <li key={a.axis}>
              <Verdict ok={a.correct}>
                {a.axis === "source-kind" ? "Kind of source" : a.axis[0]!.toUpperCase() + a.axis.slice(1)}: you chose “{text(a.axis, a.selected)}”.
              </Verdict>
              {!a.correct && <p>The key: “{text(a.axis, a.correctAnswer)}”.</p>}
              <p>{a.explanation}</p>
              <Cites cites={a.cites} titleOf={titleOf} />
            </li>
          ))}
        </ul>
      );
    }
    case "evidence": {
      const body = sources.find((s) => s.slug === f.source)?.body ?? "";
      const keyRanges = f.passages.filter((p) => p.start !== null).map((p) => [p.start!, p.end!] as const);
      return (
        <div className="flex flex-col gap-2">
          <p>
            You found {f.passages.filter((p) => p.found).length} of {f.passages.length} key passages; {percent(f.precision)} of what you
            highlighted lies inside them.
          </p>
          <p className="text-sm text-muted">How this is scored: {f.rule}</p>
          <p className="text-sm">
            <mark className="key-passage">Green</mark>: key passages. <mark className="evidence">Yellow</mark>: your highlights.
          </p>
          <HighlightedExcerpt body={body} keyRanges={keyRanges} selected={f.selected} />
          <p>{f.explanation}</p>
        </div>
      );
    }
    case "claim-grid": {
      const claims = q.type === "claim-grid" ? q.claims : [];
      return (
        <div className="flex flex-col gap-2">
          <ul className="flex flex-col gap-1">
            {f.cells.map((c) => (
              <li key={`${c.claimId}-${c.source}`}>
                <Verdict ok={c.correct}>
                  {claims.find((x) => x.id === c.claimId)?.text} — {titleOf(c.source)}: you said “{c.selected ? CELL[c.selected] : "no answer"}”
                  {!c.correct && c.correctAnswer && `; the key says it ${CELL[c.correctAnswer]}`}.
                </Verdict>
              </li>
            ))}
          </ul>
          <p>{f.explanation}</p>
          <Cites cites={f.cites} titleOf={titleOf} />
        </div>
      );
    }
    case "match": {
      const items = q.type === "match" ? q.items : [];
      return (
        <div className="flex flex-col gap-1">
          {f.pairs.map((p) => (
            <Verdict key={p.itemId} ok={p.correct}>
              {items.find((i) => i.id === p.itemId)?.text}: you said “{optionText(p.selected)}”{!p.correct && `; the key: “${optionText(p.correctAnswer)}”`}.
            </Verdict>
          ))}
          <p>{f.explanation}</p>
        </div>
      );
    }
    case "order": {
      const events = q.type === "order" ? q.events : [];
      const text = (id: string) => events.find((e) => e.id === id)?.text ?? id;
      return (
        <div className="flex flex-col gap-2">
          <p>{f.pairsCorrect} of {f.pairsTotal} pairs of events were in the right order.</p>
          <p className="font-semibold">The dated order:</p>
          <ol className="list-decimal pl-6">{f.correctOrder.map((id) => <li key={id}>{text(id)}</li>)}</ol>
          <p>{f.explanation}</p>
        </div>
      );
    }
    case "corroboration": {
      const statements = q.type === "corroboration" ? q.statements : [];
      return (
        <div className="flex flex-col gap-2">
          <ul className="flex flex-col gap-2">
            {f.statements.map((s) => (
              <li key={s.id}>
                <Verdict ok={s.correct}>
                  <q className="font-serif">{statements.find((x) => x.id === s.id)?.quote}</q> — {s.shouldFlag ? "should be flagged" : "fits the record"}; you {s.flagged ? "flagged it" : "did not flag it"}.
                </Verdict>
                <p className="pl-5 text-sm">{s.note}</p>
              </li>
            ))}
          </ul>
          <p>{f.explanation}</p>
        </div>
      );
    }
    case "written":
      return (
        <div className="flex flex-col gap-1">
          <p className="text-sm text-muted">Your answer ({f.wordCount} words), for your instructor:</p>
          <blockquote className="whitespace-pre-wrap border-l-4 border-slate-300 pl-3 font-serif">{f.text || "(no answer)"}</blockquote>
        </div>
      );
  }
}
