/** A share shown as a bar and, always, as a number: the bar is decoration, the text is the data. */
export function ShareBar({ share, label, tone = "bg-accent" }: { share: number; label?: string; tone?: string }) {
  const percent = Math.round(share * 100);
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className="inline-block h-2 w-24 rounded bg-slate-200">
        <span className={`block h-2 rounded ${tone}`} style={{ width: `${percent}%` }} />
      </span>
      <span className="tabular-nums">{label ?? `${percent}%`}</span>
    </span>
  );
}
