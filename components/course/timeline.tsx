import { useId } from "react";
import type { TTimelineEvent } from "@/lib/content/schemas";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const W = 720;
const PAD = 48;
const AXIS_Y = 120;
const H = 232;
const LINE = 15;

// NOTE: dates are split into parts and counted in UTC days, so no reader's time zone can shift them.
function parts(iso: string) {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  return { y, m, d, day: Date.UTC(y, m - 1, d) / 86_400_000 };
}
const formatLong = (iso: string) => { const p = parts(iso); return `${p.d} ${MONTHS[p.m - 1]} ${p.y}`; };
const formatShort = (iso: string) => { const p = parts(iso); return `${p.d} ${MONTHS[p.m - 1]!.slice(0, 3)} ${p.y}`; };

function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + " " + word).length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines.slice(maxLines - 1).join(" ").slice(0, maxChars - 1)}…`] : lines;
}

/** Month ticks for spans up to two years, otherwise year ticks. */
function ticks(first: number, last: number) {
  const start = new Date(first * 86_400_000), out: { day: number; text: string }[] = [];
  const yearly = last - first > 730;
  let y = start.getUTCFullYear(), m = yearly ? 12 : start.getUTCMonth() + 1;
  for (;;) {
    if (m > 11) { y += 1; m = 0; }
    const day = Date.UTC(y, m, 1) / 86_400_000;
    if (day > last) break;
    if (day >= first) out.push({ day, text: yearly ? String(y) : m === 0 ? `Jan ${y}` : MONTHS[m]!.slice(0, 3) });
    m = yearly ? 12 : m + 1;
  }
  return out;
}

/** The events of a module drawn on a date-scaled axis (wide screens), with the ordered list as the text alternative. */
export function Timeline({ events, title }: { events: TTimelineEvent[]; title: string }) {
  const captionId = useId();
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  if (sorted.length === 0) return null;
  const first = parts(sorted[0]!.date).day, last = parts(sorted[sorted.length - 1]!.date).day;
  const x = (day: number) => (last === first ? W / 2 : PAD + ((day - first) / (last - first)) * (W - 2 * PAD));
  // Labels sit in evenly spaced slots, alternating above and below the axis, joined to their dot by a leader line.
  const perRow = Math.ceil(sorted.length / 2);
  const slotW = (W - 16) / perRow;
  const maxChars = Math.max(8, Math.floor(slotW / 7.2));
  const range = sorted.length > 1 ? `from ${formatLong(sorted[0]!.date)} to ${formatLong(sorted[sorted.length - 1]!.date)}` : `on ${formatLong(sorted[0]!.date)}`;

  return (
    <figure className="my-8">
      <figcaption id={captionId} className="mb-3">
        <span className="block text-lg font-semibold">{title}</span>
        <span className="text-sm text-muted">
          {sorted.length} {sorted.length === 1 ? "event" : "events"} {range}.
          <span className="hidden md:inline"> The axis is scaled by date; each event is listed in order below.</span>
        </span>
      </figcaption>
      <svg role="img" aria-labelledby={captionId} viewBox={`0 0 ${W} ${H}`} className="hidden h-auto w-full md:block">
        <line x1={PAD - 16} x2={W - PAD + 16} y1={AXIS_Y} y2={AXIS_Y} stroke="#57606a" strokeWidth={2} />
        {ticks(first, last).map((t) => (
          <g key={t.day}>
            <line x1={x(t.day)} x2={x(t.day)} y1={AXIS_Y - 5} y2={AXIS_Y + 5} stroke="#57606a" />
            <text x={x(t.day)} y={AXIS_Y + 18} textAnchor="middle" fontSize={11} fill="#57606a">{t.text}</text>
          </g>
        ))}
        {sorted.map((e, i) => {
          const above = i % 2 === 0;
          const slotX = 8 + slotW * (Math.floor(i / 2) + 0.5);
          const lines = wrap(e.label, maxChars, 2);
          const dateY = above ? AXIS_Y - 56 - LINE * lines.length : AXIS_Y + 64;
          const dotX = x(parts(e.date).day);
          const leaderY = above ? AXIS_Y - 46 : dateY - 14;
          return (
            <g key={`${e.date}-${i}`}>
              <line x1={dotX} y1={AXIS_Y + (above ? -8 : 8)} x2={slotX} y2={leaderY} stroke="#8c959f" />
              <circle cx={dotX} cy={AXIS_Y} r={6} fill="#0b5cad" stroke="#fff" strokeWidth={2} />
              <text x={slotX} y={dateY} textAnchor="middle" fontSize={12} fontWeight={600} fill="#57606a">
                {i + 1}. {formatShort(e.date)}
              </text>
              {lines.map((l, j) => (
                <text key={j} x={slotX} y={dateY + LINE * (j + 1)} textAnchor="middle" fontSize={13} fill="#1f2328">{l}</text>
              ))}
            </g>
          );
        })}
      </svg>
      <ol className="mt-4 space-y-5 border-l-2 border-slate-300 pl-6 md:mt-6">
        {sorted.map((e, i) => (
          <li key={`${e.date}-${i}`} className="relative">
            <span aria-hidden="true" className="absolute top-1.5 -left-[1.95rem] size-3.5 rounded-full border-2 border-white bg-accent" />
            <time dateTime={e.date} className="block text-sm font-semibold text-muted">
              <span aria-hidden="true">{i + 1}. </span>
              {formatLong(e.date)}
            </time>
            <span className="block font-semibold">{e.label}</span>
            <span className="block text-ink/90">{e.detail}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
