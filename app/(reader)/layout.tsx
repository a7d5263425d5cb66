import { ReaderHeader } from "@/components/layout/reader-header";

/**
 * Layout of the lesson pages. The page checks the session; the header and the progress controls ask for
 * the learner's own data from the browser, so the page itself is the same for every learner.
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
