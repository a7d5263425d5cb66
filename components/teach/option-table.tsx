import type { TOptionCount } from "@/lib/reports/item-analysis-compute";
import { ShareBar } from "./share-bar";
import { TableScroll } from "@/components/ui/table-scroll";

/** How many students picked each option, the key marked in words as well as colour. */
export function OptionTable({ caption, options }: { caption: string; options: TOptionCount[] }) {
  return (
    <TableScroll>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-1 text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-1">Option</th>
            <th scope="col" className="p-1">Chosen by</th>
          </tr>
        </thead>
        <tbody>
          {options.map((o) => (
            <tr key={o.id} className="border-b border-slate-100">
              <td className="p-1">
                {o.text}
                {o.correct && <strong className="ml-2 rounded bg-green-100 px-1 text-xs text-green-900">key</strong>}
              </td>
              <td className="p-1 whitespace-nowrap">
                <ShareBar share={o.share} tone={o.correct ? "bg-green-700" : "bg-amber-600"} label={`${o.count} (${Math.round(o.share * 100)}%)`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
