type TRange = readonly [number, number];

/**
 * The paragraphs of a source that contain a key passage or a learner's highlight, with both marked:
 * key passages in green, the learner's highlights in yellow (and both where they overlap).
 */
export function HighlightedExcerpt({ body, keyRanges, selected }: { body: string; keyRanges: TRange[]; selected: TRange[] }) {
  const paragraphs: { start: number; end: number }[] = [];
  let at = 0;
  for (const p of body.split("\n\n")) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  const touches = (p: { start: number; end: number }, r: TRange) => r[0] < p.end && r[1] > p.start;
  const shown = paragraphs.filter((p) => [...keyRanges, ...selected].some((r) => touches(p, r)));
  if (shown.length === 0) return <p className="text-sm text-muted">Nothing highlighted.</p>;

  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 font-serif text-[0.95rem] leading-relaxed">
      {shown.map((p) => {
        // Cut the paragraph at every range boundary and mark each piece by what covers it.
        const cuts = new Set([p.start, p.end]);
        for (const r of [...keyRanges, ...selected]) for (const c of r) if (c > p.start && c < p.end) cuts.add(c);
        const points = [...cuts].sort((a, b) => a - b);
        return (
          <p key={p.start}>
            {points.slice(0, -1).map((s, i) => {
              const e = points[i + 1]!;
              const isKey = keyRanges.some((r) => r[0] <= s && e <= r[1]);
              const isMine = selected.some((r) => r[0] <= s && e <= r[1]);
              const text = body.slice(s, e);
              if (!isKey && !isMine) return <span key={s}>{text}</span>;
              const label = isKey && isMine ? "key passage, highlighted by you" : isKey ? "key passage you missed" : "your highlight, outside the key";
              return (
                <mark key={s} className={`${isKey ? "key-passage" : ""} ${isMine ? "evidence" : ""}`}>
                  <span className="sr-only">[{label}: </span>
                  {text}
                  <span className="sr-only">]</span>
                </mark>
              );
            })}
          </p>
        );
      })}
    </div>
  );
}
