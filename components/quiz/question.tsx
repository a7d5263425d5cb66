"use client";

import type { TPublicQuestion } from "@/lib/content/public-activity";
import { EVIDENCE_RULE } from "@/lib/grading/score-evidence";
import { ChoiceQuestion } from "./choice-question";
import { ClaimGridQuestion } from "./claim-grid-question";
import { CorroborationQuestion } from "./corroboration-question";
import { EvidenceHighlighter } from "./evidence-highlighter";
import { MatchQuestion } from "./match-question";
import { OrderQuestion } from "./order-question";
import { PerspectiveQuestion } from "./perspective-question";
import type { TSourceText } from "./question-types";
import { WrittenQuestion } from "./written-question";

type TQuestionSwitchProps = {
  question: TPublicQuestion;
  value: unknown;
  onChange: (value: unknown) => void;
  sourceOf: (slug: string) => TSourceText | undefined;
  sources: TSourceText[];
};

/** One question of an activity, in the control its type needs. */
export function Question({ question: q, value, onChange, sourceOf, sources }: TQuestionSwitchProps) {
  const v = value as never;
  switch (q.type) {
    case "choice":
      return <ChoiceQuestion question={q} value={v} onChange={onChange} />;
    case "perspective":
      return (
        <>
          <p className="mb-3 text-sm">
            Article: <a className="text-accent underline" href={`/learn/sources/${q.source}`} target="_blank" rel="noopener">{sourceOf(q.source)?.title ?? q.source} (opens in a new tab)</a>
          </p>
          <PerspectiveQuestion question={q} value={v} onChange={onChange} />
        </>
      );
    case "evidence": {
      const source = sourceOf(q.source);
      return (
        <div className="flex flex-col gap-2">
          <p className="font-medium">{q.prompt}</p>
          <p className="text-sm">{q.label}</p>
          <details className="text-sm">
            <summary className="cursor-pointer text-accent underline">How highlighting is scored</summary>
            <p className="mt-1 text-muted">{EVIDENCE_RULE}</p>
          </details>
          {source && (
            <EvidenceHighlighter
              body={source.body}
              sourceTitle={source.title}
              ranges={(value as { ranges?: [number, number][] } | undefined)?.ranges ?? []}
              onChange={(ranges) => onChange({ ranges })}
            />
          )}
        </div>
      );
    }
    case "claim-grid":
      return <ClaimGridQuestion question={q} value={v} onChange={onChange} sources={sources} />;
    case "match":
      return <MatchQuestion question={q} value={v} onChange={onChange} />;
    case "order":
      return <OrderQuestion question={q} value={v} onChange={onChange} />;
    case "corroboration":
      return <CorroborationQuestion question={q} value={v} onChange={onChange} />;
    case "written":
      return <WrittenQuestion question={q} value={v} onChange={onChange} />;
  }
}
