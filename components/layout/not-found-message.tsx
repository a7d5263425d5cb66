import Link from "next/link";

/** The body of a 404, for use inside a layout that already provides the page's <main>. */
export function NotFoundMessage({ home = "/" }: { home?: string }) {
  return (
    <div className="mx-auto max-w-xl py-8">
      <h1 className="mb-4 font-serif text-3xl font-bold">Page not found</h1>
      <p className="mb-4">We could not find what you were looking for. It may have moved, or the link may be mistyped.</p>
      <Link href={home} className="text-accent underline">Back to your course</Link>
    </div>
  );
}
