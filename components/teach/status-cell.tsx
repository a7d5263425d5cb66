import Link from "next/link";
import { STATUS_LABEL, type TItemStatus } from "@/lib/assignments/status";

const TONE: Record<TItemStatus, string> = {
  done: "bg-green-50 text-green-900",
  "in-progress": "bg-amber-50 text-amber-900",
  overdue: "bg-red-50 text-red-900",
  "not-started": "bg-white text-slate-700",
};

/** One student × item cell: the status in words (never colour alone), the score, and late/extension marks. */
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
    <td className={`border border-slate-200 p-0 text-sm ${TONE[status]}`}>
      <Link href={href} className="flex min-h-11 flex-col justify-center px-2 py-1 hover:underline">
        <span className="sr-only">{label}: </span>
        <span className="font-medium">{STATUS_LABEL[status]}</span>
        <span>
          {score !== null && (
            <>
              {score}%{overridden && <abbr title="score set by the instructor">*</abbr>}
            </>
          )}
          {late && <span className="ml-1 rounded bg-red-800 px-1 text-xs font-semibold text-white">late</span>}
          {extended && <span className="ml-1 rounded border border-slate-500 px-1 text-xs">extended</span>}
        </span>
      </Link>
    </td>
  );
}
