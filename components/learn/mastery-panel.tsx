import Link from "next/link";
import { MASTERY_SKILLS, type TMastery, type TMasterySkill } from "@/lib/learning/mastery";

const LABELS = {
  perspective: "Identifying perspective",
  evidence: "Pointing to evidence",
  comparison: "Comparing sources",
  corroboration: "Checking against the record",
  chronology: "Putting events in order",
} as const;

const ADVICE = {
  perspective: "Try a quiz: classify an article's genre, stance and kind of source.",
  evidence: "Re-read a source and highlight only the sentences that prove your label.",
  comparison: "Open a comparison exercise and answer the guided questions.",
  corroboration: "Check an article's claims against the timeline in the September 2023 module.",
  chronology: "Put the events of a module's timeline in order.",
} as const;

type TNextStep = { skill: TMasterySkill; href: string; title: string } | null;

/** Mastery per skill, from the latest submitted attempt of each activity, with a next step. */
export function MasteryPanel({ mastery, nextStep }: { mastery: TMastery; nextStep: TNextStep }) {
  return (
    <section aria-labelledby="mastery-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="mastery-heading" className="mb-3 text-xl font-semibold">Your skills</h2>
      <ul className="flex flex-col gap-3">
        {MASTERY_SKILLS.map((skill) => {
          const share = mastery[skill].share;
          const percent = share === null ? null : Math.round(share * 100);
          return (
            <li key={skill}>
              <div className="flex justify-between text-sm">
                <span>{LABELS[skill]}</span>
                <span>{percent === null ? "not practised yet" : `${percent}%`}</span>
              </div>
              <div className="mt-1 h-2 rounded bg-slate-200" aria-hidden="true">
                <div className="h-2 rounded bg-accent" style={{ width: `${percent ?? 0}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      {nextStep ? (
        <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm">
          <strong>What to do next:</strong> {LABELS[nextStep.skill]}. {ADVICE[nextStep.skill]}{" "}
          <Link href={nextStep.href} className="font-semibold text-accent underline">
            {nextStep.title}
          </Link>
        </p>
      ) : (
        <p className="mt-4 rounded-md bg-green-50 p-3 text-sm">Every skill is at 80% or more. Try a retake without looking back at the key.</p>
      )}
    </section>
  );
}
