import type { TRun } from "@/lib/reports/evidence-heatmap-compute";

type TRange = readonly [number, number];

/**
 * The paragraphs of an article that students highlighted or that hold a key passage. Each stretch is
 * shaded by how many students highlighted it (and says so to screen readers); key passages are underlined.
 */
export function HeatText({ body, runs, keyRanges, students }: { body: string; runs: TRun[]; keyRanges: TRange[]; students: number }) {
  const paragraphs: { start: number; end: number }[] = [];
  let at = 0;
  for (const p of body.split("\n\n")) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  const touches = (p: { start: number; end: number }, a: number, b: number) => a < p.end && b > p.start;
  const shown = paragraphs.filter((p) => runs.some((r) => touches(p, r.start, r.end)) || keyRanges.some((r) => touches(p, r[0], r[1])));
  if (shown.length === 0) return <p className="text-sm text-muted">Nothing highlighted yet.</p>;
  return (
    <div className="flex flex-col gap-2 font-serif text-[0.95rem] leading-relaxed">
      {shown.map((p) => {
        const cuts = new Set([p.start, p.end]);
        for (const r of runs) for (const c of [r.start, r.end]) if (c > p.start && c < p.end) cuts.add(c);
        for (const r of keyRanges) for (const c of r) if (c > p.start && c < p.end) cuts.add(c);
        const points = [...cuts].sort((a, b) => a - b);
        const pieces = points.slice(0, -1).map((start, i) => {
          const end = points[i + 1]!;
          return {
            start,
            end,
            count: runs.find((r) => r.start <= start && end <= r.end)?.count ?? 0,
            isKey: keyRanges.some((r) => r[0] <= start && end <= r[1]),
          };
        });
        return (
          <p key={p.start}>
            {pieces.map(({ start, end, count, isKey }, i) => {
              const text = body.slice(start, end);
              if (!count && !isKey) return <span key={start}>{text}</span>;
              // Screen readers hear the count where it changes, not on every piece.
              const announce = count > 0 && pieces[i - 1]?.count !== count;
              return (
                <span
                  key={start}
                  title={`${count ? `highlighted by ${count} of ${students}` : "not highlighted"}${isKey ? "; key passage" : ""}`}
                  className={isKey ? "underline decoration-green-800 decoration-2 underline-offset-4" : undefined}
                  style={count ? { backgroundColor: `rgba(245, 158, 11, ${(0.15 + 0.6 * (count / Math.max(1, students))).toFixed(2)})` } : undefined}
                >
                  {announce && <span className="sr-only">[{count} of {students}:] </span>}
                  {text}
                </span>
              );
            })}
          </p>
        );
      })}
    </div>
  );
}
