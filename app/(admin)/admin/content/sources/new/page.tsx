import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { SourceFormFields } from "@/components/admin/source-form-fields";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { requirePageUser } from "@/lib/auth/session";
import { createSourceAction } from "../../actions";

export const metadata: Metadata = { title: "Add a source" };

export default async function NewSourcePage() {
  await requirePageUser("/admin/content/sources/new", "ADMIN");
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <Breadcrumbs items={[{ href: "/admin/content", label: "Content" }]} />
      <h1 className="font-serif text-3xl font-bold">Add a source</h1>
      <p>
        The source is saved as a draft. Next you mark its key passages and build a perspective question on it; learners see it
        once you publish it and a module uses it.
      </p>
      <ActionForm action={createSourceAction} submitLabel="Save the source as a draft">
        <SourceFormFields />
      </ActionForm>
    </div>
  );
}
