import { describeChanges } from "@/lib/audit/changes";

/** One audit event's change, field by field; long texts as the lines removed and added. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="text-muted">–</span>;
  const changes = describeChanges(before ?? {}, after ?? {});
  if (changes.length === 0) return <span className="text-muted">No field changed.</span>;
  return (
    <dl className="flex flex-col gap-1 text-xs">
      {changes.map((c) => (
        <div key={c.path}>
          <dt className="font-mono font-semibold">{c.path}</dt>
          <dd className="font-mono [overflow-wrap:anywhere]">
            {c.kind === "value" ? (
              <>
                <del className="bg-red-50 text-red-900">{c.before ?? "(none)"}</del>
                {" → "}
                <ins className="bg-green-50 text-green-900 no-underline">{c.after ?? "(none)"}</ins>
              </>
            ) : (
              <ul>
                {c.lines.slice(0, 40).map((l, i) => (
                  <li key={i} className={l.op === "add" ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}>
                    <span aria-hidden="true">{l.op === "add" ? "+ " : "− "}</span>
                    <span className="sr-only">{l.op === "add" ? "Added: " : "Removed: "}</span>
                    {l.text.length > 300 ? `${l.text.slice(0, 299)}…` : l.text}
                  </li>
                ))}
                {c.lines.length > 40 && <li className="text-muted">… {c.lines.length - 40} more changed lines</li>}
              </ul>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
