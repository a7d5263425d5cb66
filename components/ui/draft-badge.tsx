/** Marks content only admins can see yet: they preview drafts where learners will find them once published. */
export function DraftBadge({ status }: { status: "DRAFT" | "PUBLISHED" }) {
  if (status !== "DRAFT") return null;
  return (
    <span className="ml-2 inline-block rounded border border-amber-700 bg-amber-50 px-1.5 py-0.5 align-middle text-xs font-semibold uppercase tracking-wide text-amber-900">
      Draft<span className="sr-only">: only admins see this until it is published</span>
    </span>
  );
}
