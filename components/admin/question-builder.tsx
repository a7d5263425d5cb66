"use client";

import Link from "next/link";
import { useId, useMemo, useState, useTransition } from "react";
import { EvidenceHighlighter } from "@/components/quiz/evidence-highlighter";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { AXIS_PRESETS } from "@/lib/authoring/question-builder";
import { addSourceQuestionsAction, type TBuilderResult } from "@/app/(admin)/admin/content/actions";

type TAxis = keyof typeof AXIS_PRESETS;
type TAxisState = { include: boolean; answer: string; explanation: string; cites: number[] };
type TModuleChoice = { slug: string; title: string; activities: { slug: string; title: string }[] };

const AXIS_NAMES: Record<TAxis, string> = { genre: "Genre", stance: "Stance", "source-kind": "Who is speaking" };
const AXES = Object.keys(AXIS_PRESETS) as TAxis[];

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className="text-sm text-red-800">{message}</p> : null;
}

/**
 * Mark key passages on a source's text (the same accessible highlighter learners use), label them, and
 * classify the text on up to three axes, each answer citing marked passages. Everything stays on screen
 * after an error or a failed request; nothing is saved until the button is pressed.
 */
export function QuestionBuilder({ source, modules }: { source: { slug: string; title: string; body: string }; modules: TModuleChoice[] }) {
  const id = useId();
  const [ranges, setRanges] = useState<[number, number][]>([]);
  const passages = useMemo(() => ranges.map(([s, e]) => source.body.slice(s, e).trim()), [ranges, source.body]);
  const [label, setLabel] = useState("");
  const [explanation, setExplanation] = useState("");
  const [axes, setAxes] = useState<Record<TAxis, TAxisState>>(() =>
    Object.fromEntries(AXES.map((a) => [a, { include: a !== "source-kind", answer: "", explanation: "", cites: [] }])) as unknown as Record<TAxis, TAxisState>,
  );
  const [moduleSlug, setModuleSlug] = useState(modules.at(-1)?.slug ?? "");
  const [target, setTarget] = useState("new");
  const [title, setTitle] = useState(`Quiz: ${source.title}`);
  const [result, setResult] = useState<TBuilderResult>({});
  const [pending, startTransition] = useTransition();
  const errors = result.fieldErrors ?? {};
  const chosenModule = modules.find((m) => m.slug === moduleSlug);
  const included = AXES.filter((a) => axes[a].include);

  const setAxis = (axis: TAxis, patch: Partial<TAxisState>) => setAxes((prev) => ({ ...prev, [axis]: { ...prev[axis], ...patch } }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = {
      sourceSlug: source.slug,
      moduleSlug,
      target,
      activityTitle: title,
      passages,
      evidence: { label, explanation },
      axes: included.map((axis) => ({ axis, ...axes[axis], cites: axes[axis].cites.filter((i) => i < passages.length) })),
    };
    startTransition(async () => {
      try {
        setResult(await addSourceQuestionsAction(input));
      } catch {
        setResult({ error: "The questions could not be sent: check your connection and try again. Nothing you entered is lost." });
      }
    });
  }

  if (result.href) {
    return (
      <div role="status" className="flex flex-col gap-3 rounded-lg border border-green-700 bg-green-50 p-4">
        <p className="font-semibold">The questions are saved{target === "new" ? " in a new draft quiz" : ""}.</p>
        <p>Preview them exactly as a learner will see them, then publish the quiz from its page.</p>
        <div className="flex flex-wrap gap-4">
          <Link href={result.href} className="text-accent underline">Preview the quiz</Link>
          <Link href={result.editHref!} className="text-accent underline">Open the quiz's page (publish, edit, history)</Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <FormAlert message={result.error ?? errors.form} />
      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 font-semibold">1. Mark the key passages</legend>
        <p className="text-sm">Mark the sentences that show the text&apos;s perspective. They become the key of an evidence question, and each answer below cites some of them.</p>
        <EvidenceHighlighter body={source.body} sourceTitle={source.title} ranges={ranges} onChange={setRanges} />
        <FieldError id={`${id}-passages`} message={errors.passages} />
        <label htmlFor={`${id}-label`} className="font-medium">What the marked passages show (the evidence label)</label>
        <p id={`${id}-label-hint`} className="text-sm text-muted">
          Learners read it in the evidence question, on the same page as the perspective question: say what to look
          for without giving the answer away (&ldquo;whose side, if any, it takes&rdquo;, not &ldquo;that it takes one side&rdquo;).
        </p>
        <input
          id={`${id}-label`}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          aria-invalid={errors["evidence.label"] ? true : undefined}
          aria-describedby={errors["evidence.label"] ? `${id}-label-hint ${id}-label-error` : `${id}-label-hint`}
          placeholder="e.g. which side's names, if any, the author uses for places and events"
          className="min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2"
        />
        <FieldError id={`${id}-label-error`} message={errors["evidence.label"]} />
        <label htmlFor={`${id}-explanation`} className="font-medium">Explanation shown after answering</label>
        <textarea
          id={`${id}-explanation`}
          rows={3}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          aria-invalid={errors["evidence.explanation"] ? true : undefined}
          aria-describedby={errors["evidence.explanation"] ? `${id}-explanation-error` : undefined}
          className="rounded-md border border-slate-500 bg-white px-3 py-2"
        />
        <FieldError id={`${id}-explanation-error`} message={errors["evidence.explanation"]} />
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 font-semibold">2. Classify the text</legend>
        <FieldError id={`${id}-axes`} message={errors.axes} />
        {AXES.map((axis, ai) => {
          const state = axes[axis];
          const at = included.indexOf(axis);
          const err = (field: string) => (at >= 0 ? errors[`axes.${at}.${field}`] : undefined);
          return (
            <fieldset key={axis} className="flex flex-col gap-2 border-t border-slate-200 pt-3">
              <legend className="font-medium">{AXIS_NAMES[axis]}: {AXIS_PRESETS[axis].prompt}</legend>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={state.include} onChange={(e) => setAxis(axis, { include: e.target.checked })} />
                Ask this
              </label>
              {state.include && (
                <>
                  <div role="radiogroup" aria-label={`Correct answer: ${AXIS_NAMES[axis]}`} aria-describedby={err("answer") ? `${id}-${ai}-answer` : undefined} className="flex flex-col gap-1">
                    {AXIS_PRESETS[axis].options.map((o) => (
                      <label key={o.id} className="flex items-center gap-2">
                        <input type="radio" name={`${id}-${axis}`} checked={state.answer === o.id} onChange={() => setAxis(axis, { answer: o.id })} />
                        {o.text}
                      </label>
                    ))}
                  </div>
                  <FieldError id={`${id}-${ai}-answer`} message={err("answer")} />
                  <label htmlFor={`${id}-${axis}-why`} className="text-sm font-medium">Why (shown after answering)</label>
                  <textarea
                    id={`${id}-${axis}-why`}
                    rows={2}
                    value={state.explanation}
                    onChange={(e) => setAxis(axis, { explanation: e.target.value })}
                    aria-invalid={err("explanation") ? true : undefined}
                    aria-describedby={err("explanation") ? `${id}-${ai}-why` : undefined}
                    className="rounded-md border border-slate-500 bg-white px-3 py-2"
                  />
                  <FieldError id={`${id}-${ai}-why`} message={err("explanation")} />
                  <fieldset aria-describedby={err("cites") ? `${id}-${ai}-cites` : undefined}>
                    <legend className="text-sm font-medium">Passages that support this answer</legend>
                    {passages.length === 0 && <p className="text-sm text-muted">Mark passages on the text first.</p>}
                    {passages.map((p, i) => (
                      <label key={i} className="flex items-start gap-2 text-sm">
                        <input
                          type="checkbox"
                          className="mt-1"
                          checked={state.cites.includes(i)}
                          onChange={(e) => setAxis(axis, { cites: e.target.checked ? [...state.cites, i] : state.cites.filter((c) => c !== i) })}
                        />
                        <span className="font-serif">“{p.length > 140 ? `${p.slice(0, 137)}…` : p}”</span>
                      </label>
                    ))}
                  </fieldset>
                  <FieldError id={`${id}-${ai}-cites`} message={err("cites")} />
                </>
              )}
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 font-semibold">3. Where the questions go</legend>
        <label htmlFor={`${id}-module`} className="font-medium">Module</label>
        <select id={`${id}-module`} value={moduleSlug} onChange={(e) => { setModuleSlug(e.target.value); setTarget("new"); }} className="min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2">
          {modules.map((m) => <option key={m.slug} value={m.slug}>{m.title}</option>)}
        </select>
        <FieldError id={`${id}-module-error`} message={errors.moduleSlug ?? errors.module} />
        <label htmlFor={`${id}-target`} className="font-medium">Activity</label>
        <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)} className="min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2">
          <option value="new">A new quiz on this source (saved as a draft)</option>
          {chosenModule?.activities.map((a) => <option key={a.slug} value={a.slug}>Add to: {a.title} (makes a new version)</option>)}
        </select>
        <FieldError id={`${id}-target-error`} message={errors.target} />
        {target === "new" && (
          <>
            <label htmlFor={`${id}-title`} className="font-medium">Title of the new quiz</label>
            <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} className="min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2" />
          </>
        )}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save the questions"}</Button>
      </div>
    </form>
  );
}
