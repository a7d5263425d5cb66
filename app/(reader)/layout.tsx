import { ReaderHeader } from "@/components/layout/reader-header";

/**
 * Layout of the lesson pages, which are rendered from the database once and then served from the cache
 * to every learner (docs/decisions/007). Nothing here may read the session: the proxy checks it, the
 * header and the progress controls ask for the learner's own data from the browser.
 */
export default function ReaderLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <ReaderHeader />
      <main id="main" className="mx-auto max-w-5xl p-4 sm:p-8">
        {children}
      </main>
    </>
  );
}
