import type { Metadata } from "next";
import { QuestionBuilder } from "@/components/admin/question-builder";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { requirePageUser } from "@/lib/auth/session";
import { getSourceForEdit, listModulesWithActivities } from "@/lib/authoring/queries";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Add questions on a source" };

export default async function SourceQuestionsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ created?: string }> }) {
  const { slug } = await params;
  const { created } = await searchParams;
  const actor = await requirePageUser(`/admin/content/sources/${slug}/questions`, "ADMIN");
  const [source, modules] = await Promise.all([orNotFound(getSourceForEdit(actor, slug)), listModulesWithActivities(actor)]);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <Breadcrumbs items={[{ href: "/admin/content", label: "Content" }, { href: `/admin/content/sources/${slug}`, label: source.title }]} />
      {created && <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3">The source is saved as a draft.</p>}
      <h1 className="font-serif text-3xl font-bold">Questions on “{source.title}”</h1>
      <p>
        A perspective label must be defensible from the text: every answer you give cites passages you mark here, and the
        learner is scored on finding them.
      </p>
      <QuestionBuilder source={{ slug: source.slug, title: source.title, body: source.body }} modules={modules} />
    </div>
  );
}
