import type { Metadata } from "next";
import Link from "next/link";
import { AuditChange } from "@/components/admin/audit-change";
import { requirePageUser } from "@/lib/auth/session";
import { listAuditEvents, ZAuditFilter, type TAuditFilter } from "@/lib/audit/queries";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Audit log" };

const pageHref = (f: TAuditFilter, page: number) =>
  `/admin/audit?${new URLSearchParams({ ...(f.action && { action: f.action }), ...(f.actor && { actor: f.actor }), ...(f.target && { target: f.target }), page: String(page) })}`;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser("/admin/audit", "ADMIN");
  const filter = ZAuditFilter.parse(await searchParams);
  const { events, total, actions, pages } = await listAuditEvents(actor, filter);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Audit log</h1>
      <p className="text-muted">Every admin action: who did what, when, and what changed.</p>
      <form method="get" action="/admin/audit" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-action" className="text-sm font-medium">Action</label>
          <select id="audit-action" name="action" defaultValue={filter.action} className="min-h-11 rounded-md border border-slate-500 bg-white px-3">
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-actor" className="text-sm font-medium">By (name or email)</label>
          <input id="audit-actor" name="actor" defaultValue={filter.actor} className="min-h-11 rounded-md border border-slate-500 px-3" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-target" className="text-sm font-medium">Record id</label>
          <input id="audit-target" name="target" defaultValue={filter.target} className="min-h-11 rounded-md border border-slate-500 px-3" />
        </div>
        <button type="submit" className="min-h-11 rounded-md border border-slate-400 bg-white px-4 hover:bg-slate-100">Filter</button>
      </form>
      <p role="status" className="text-sm">{total} {total === 1 ? "event" : "events"}{pages > 1 && ` · page ${filter.page} of ${pages}`}</p>
      <TableScroll>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Audit events, newest first</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">When (UTC)</th>
              <th scope="col" className="p-2">Who</th>
              <th scope="col" className="p-2">What</th>
              <th scope="col" className="p-2">Change (before → after)</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} className="border-b border-slate-200 align-top">
                <td className="p-2 whitespace-nowrap">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                <td className="p-2">{e.actorName}</td>
                <td className="p-2">
                  <code className="text-xs">{e.action}</code> {e.summary}
                  {e.targetId && <span className="block text-xs text-muted">{e.targetType} {e.targetId}</span>}
                </td>
                <td className="p-2"><AuditChange before={e.before} after={e.after} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-4">
          {filter.page > 1 && <Link href={pageHref(filter, filter.page - 1)} className="underline">Newer</Link>}
          {filter.page < pages && <Link href={pageHref(filter, filter.page + 1)} className="underline">Older</Link>}
        </nav>
      )}
    </div>
  );
}
