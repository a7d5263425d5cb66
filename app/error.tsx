"use client";

/** Shown instead of a stack trace when a page fails on the server. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="mb-4 font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mb-4">
        We could not load this page. Nothing you saved is lost. If the problem persists, try again in a minute.
      </p>
      <button onClick={reset} className="min-h-11 rounded-md bg-accent px-4 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
