import { useId } from "react";

/** A module's glossary: each term with a one-sentence, neutral definition. */
export function KeyTerms({ terms }: { terms: { term: string; definition: string }[] }) {
  const headingId = useId();
  if (terms.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="my-8 rounded-lg border border-slate-300 bg-white p-4 sm:p-5">
      <h2 id={headingId} className="text-lg font-semibold">Key terms</h2>
      <dl className="mt-3 divide-y divide-slate-200">
        {terms.map((t) => (
          <div key={t.term} className="py-3 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4">
            <dt className="font-semibold">{t.term}</dt>
            <dd className="mt-1 text-ink/90 sm:mt-0">{t.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
