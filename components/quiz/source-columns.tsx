import type { TSourceText } from "./question-types";

/** Two or three sources side by side (stacked on a phone), each scrollable, for comparison exercises. */
export function SourceColumns({ sources }: { sources: (TSourceText & { byline: string })[] }) {
  return (
    <section aria-label="Sources to compare" className={`grid gap-4 ${sources.length === 3 ? "lg:grid-cols-3" : "md:grid-cols-2"}`}>
      {sources.map((s) => (
        <article key={s.slug} aria-labelledby={`col-${s.slug}`} className="flex min-w-0 flex-col rounded-lg border border-slate-300 bg-white">
          <header className="border-b border-slate-200 p-3">
            <h2 id={`col-${s.slug}`} className="font-semibold leading-snug [overflow-wrap:anywhere]">{s.title}</h2>
            <p className="text-sm text-muted">{s.byline}</p>
          </header>
          <div tabIndex={0} aria-label={`Text of ${s.title}`} className="max-h-[26rem] overflow-y-auto p-3 font-serif text-[0.95rem] leading-relaxed [overflow-wrap:anywhere]">
            {s.body.split("\n\n").map((p, i) => (
              <p key={i} className="mb-3">{p.replace(/^## /, "")}</p>
            ))}
          </div>
        </article>
      ))}
    </section>
  );
}
