import { STATUS_LABEL, type TItemStatus } from "@/lib/assignments/status";

/**
 * One student × item cell: the status in words (never colour alone), the score, late/extension marks, the
 * on-time score beside a late one, and how many attempts do not count.
 * NOTE: a plain link with short class names (styles in globals.css, `.grid-cell`): a class grid has
 * thousands of these, and next/link would hydrate and prefetch each one.
 */
export function StatusCell({
  href,
  status,
  score,
  late,
  extended,
  overridden,
  onTimeScore,
  uncounted,
  label,
}: {
  href: string;
  status: TItemStatus;
  score: number | null;
  late: boolean;
  extended: boolean;
  overridden: boolean;
  /** The score of the work handed in on time, shown beside a late score. */
  onTimeScore: number | null;
  /** Submitted attempts the assignment does not count. */
  uncounted: number;
  /** Who and what, for screen readers ("Ana Petrosyan, September 2023 quiz"). */
  label: string;
}) {
  return (
    <td className="grid-cell" data-status={status}>
      <a href={href}>
        <span className="sr-only">{label}: </span>
        <b>{STATUS_LABEL[status]}</b>
        <span>
          {score !== null && (
            <>
              {score}%{overridden && <abbr title="score set by the instructor">*</abbr>}
            </>
          )}
          {late && <i className="late">late</i>}
          {extended && <i className="extended">extended</i>}
        </span>
        {late && !overridden && <small>on time: {onTimeScore ?? 0}%</small>}
        {uncounted > 0 && <small>{uncounted} {uncounted === 1 ? "attempt" : "attempts"} not counted</small>}
      </a>
    </td>
  );
}
