import Link from "next/link";

/** The landing page: static, no database. Also the benchmark's baseline page. */
export default function HomePage() {
  return (
    <div className="flex flex-col gap-8 py-8">
      <section className="flex flex-col gap-4">
        <h1 className="font-serif text-4xl font-bold sm:text-5xl">Read the sources. Then check them.</h1>
        <p className="max-w-2xl text-lg text-muted">
          Crosscheck teaches you to read reporting on a contested conflict critically. Its first course works with
          five real articles on the Nagorno-Karabakh conflict: you identify each article&apos;s perspective, point
          to the evidence in the text, compare sources side by side and check their claims against the dated
          record.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/signup" className="rounded-md bg-accent px-4 py-3 font-medium text-white hover:bg-accent-strong">
            Create a student account
          </Link>
          <Link href="/login" className="rounded-md border border-slate-400 bg-white px-4 py-3 font-medium hover:bg-slate-100">
            Sign in
          </Link>
        </div>
      </section>
      <section aria-labelledby="how" className="grid gap-4 sm:grid-cols-3">
        <h2 id="how" className="sr-only">How it works</h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-semibold">Identify the perspective</h3>
          <p className="text-muted">Genre, stance and kind of source, for every article.</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-semibold">Prove it from the text</h3>
          <p className="text-muted">Highlight the passages that justify your answer; we score the evidence.</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-semibold">Check against the record</h3>
          <p className="text-muted">Compare sources and find claims that do not fit the dated facts.</p>
        </div>
      </section>
      <p className="text-sm text-muted">
        Crosscheck takes no side. Its lessons give both place names, say who uses which term, and attribute every
        contested claim.
      </p>
    </div>
  );
}
