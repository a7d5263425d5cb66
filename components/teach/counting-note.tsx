import type { TGridItem } from "@/lib/reports/class-grid";

const list = (items: TGridItem[]) => items.map((i) => i.title).join("; ");

/**
 * Beside the class grid: which attempts make a score, in plain words, and the assignments whose settings
 * change that (the rule is lib/assignments/counted-attempts.ts).
 */
export function CountingNote({ items }: { items: TGridItem[] }) {
  const earlier = items.filter((i) => i.countEarlierAttempts);
  const afterKey = items.filter((i) => i.countRetakesAfterKey);
  return (
    <section aria-labelledby="counting-heading" className="max-w-3xl text-sm text-muted">
      <h2 id="counting-heading" className="font-semibold text-slate-800">Which attempts count</h2>
      <p>
        A score is the student&apos;s best attempt for that assignment. A retake started after the student was shown the answer key
        (with feedback immediately: once they first submitted; after the due date: once their due date passed) does not replace an
        earlier score, and attempts started before you set the assignment do not count. Work handed in after the due date (or a
        student&apos;s extension) counts and is marked late, with the score handed in on time beside it.
      </p>
      <p>
        {afterKey.length ? `Retakes after the answer key count for: ${list(afterKey)}.` : "Retakes after the answer key count for no assignment."}{" "}
        {earlier.length ? `Attempts from before the assignment count for: ${list(earlier)}.` : "Attempts from before the assignment count for no assignment."}{" "}
        Change this on the Assignments page, under each assignment.
      </p>
    </section>
  );
}
