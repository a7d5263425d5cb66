/**
 * A module's glossary as a description list. NOTE: no heading of its own; the page that places it
 * supplies the "Key terms" heading, so the outline does not repeat it.
 */
export function KeyTerms({ terms }: { terms: { term: string; definition: string }[] }) {
  if (terms.length === 0) return null;
  return (
    <dl className="@container divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white px-4 sm:px-5">
      {terms.map((t) => (
        <div key={t.term} className="py-3 @xl:grid @xl:grid-cols-[12rem_1fr] @xl:gap-4">
          <dt className="font-semibold">{t.term}</dt>
          <dd className="mt-1 text-ink/90 @xl:mt-0">{t.definition}</dd>
        </div>
      ))}
    </dl>
  );
}
