import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/form-field";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { requirePageUser } from "@/lib/auth/session";
import { createClassAction } from "../actions";

export const metadata: Metadata = { title: "New class" };

export default async function NewClassPage() {
  await requirePageUser("/teach/classes/new", "INSTRUCTOR", "ADMIN");
  return (
    <div className="flex max-w-md flex-col gap-4">
      <Breadcrumbs items={[{ href: "/teach", label: "Your classes" }]} />
      <h1 className="font-serif text-3xl font-bold">New class</h1>
      <p className="text-muted">A join code is made for the class; you can change it or turn it off later.</p>
      <ActionForm action={createClassAction} submitLabel="Create class" pendingLabel="Creating…">
        <FormField label="Class name" name="name" required maxLength={100} placeholder="History 10B" />
        <FormField label="Term" name="term" required maxLength={60} placeholder="Autumn 2026" />
      </ActionForm>
    </div>
  );
}
