"use client";

import { ActionForm } from "@/components/forms/action-form";
import { setStatusAction } from "@/app/(admin)/admin/content/actions";

/** Publish or unpublish one piece of content; a refusal is shown right beside the button. */
export function StatusToggle({
  kind,
  contentKey,
  status,
  name,
}: {
  kind: "source" | "module" | "lesson" | "activity";
  contentKey: string;
  status: "DRAFT" | "PUBLISHED";
  name: string;
}) {
  const next = status === "DRAFT" ? "PUBLISHED" : "DRAFT";
  // NOTE: the group carries the item's name, so a screen reader hears "Publish, <name>" in a list of many.
  return (
    <div role="group" aria-label={name} className="flex items-start gap-2">
      <span className={`mt-1.5 text-sm ${status === "DRAFT" ? "font-semibold text-amber-900" : "text-green-800"}`}>
        {status === "DRAFT" ? "Draft" : "Published"}
      </span>
    <ActionForm
      action={setStatusAction}
      submitLabel={next === "PUBLISHED" ? "Publish" : "Unpublish"}
      pendingLabel={next === "PUBLISHED" ? "Publishing…" : "Unpublishing…"}
      variant="secondary"
      className="flex flex-col gap-1 [&_button]:min-h-9 [&_button]:px-3 [&_button]:py-1 [&_button]:text-sm"
      hidden={{ kind, key: contentKey, status: next }}
    />
    </div>
  );
}
