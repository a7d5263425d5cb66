import { STATUS_LABEL, type TItemStatus } from "@/lib/assignments/status";

/**
 * One student × item cell: the status in words (never colour alone), the score, and late/extension marks.
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
  label,
}: {
  href: string;
  status: TItemStatus;
  score: number | null;
  late: boolean;
  extended: boolean;
  overridden: boolean;
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
      </a>
    </td>
  );
}
