import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ProvenanceCard } from "@/components/course/provenance-card";
import { SourceText } from "@/components/course/source-text";
import { TermLens } from "@/components/course/term-lens";
import { DraftBadge } from "@/components/ui/draft-badge";
import { requirePageUser } from "@/lib/auth/session";
import type { TSource } from "@/lib/content/schemas";
import { getSourceForLearner, getTerms } from "@/lib/learning/queries";
import { orNotFound } from "@/lib/not-found";

type TParams = { sourceSlug: string };
type TCard = Omit<TSource, "slug" | "title" | "publishedAt" | "body">;

export const metadata: Metadata = { title: "Source" };

export default async function SourcePage({ params }: { params: Promise<TParams> }) {
  const { sourceSlug } = await params;
  const user = await requirePageUser(`/learn/sources/${sourceSlug}`, "STUDENT", "INSTRUCTOR", "ADMIN");
  const [source, terms] = await Promise.all([orNotFound(getSourceForLearner(user, sourceSlug)), getTerms()]);
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs items={[{ href: "/learn", label: "Course" }, { href: "/learn/sources", label: "Sources" }]} />
      <h1 className="font-serif text-3xl font-bold leading-tight">
        {source.title}
        <DraftBadge status={source.status} />
      </h1>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="order-2 lg:order-1">
          <TermLens terms={terms}>
            <SourceText body={source.body} terms={terms} />
          </TermLens>
        </div>
        <div className="order-1 flex flex-col gap-4 lg:order-2">
          <ProvenanceCard source={{ ...source, card: source.card as TCard }} />
          <nav aria-labelledby="used-in" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="used-in" className="mb-2 font-semibold">Used in</h2>
            <ul className="flex flex-col gap-2">
              {source.modules.map((m) => (
                <li key={m.slug}>
                  <Link href={`/learn/${m.slug}`} className="font-medium underline">{m.title}</Link>
                  <ul className="ml-4 list-disc text-sm">
                    {m.lessons.map((l) => (
                      <li key={l.slug}>
                        <Link href={`/learn/${m.slug}/${l.slug}`} className="text-accent underline">{l.title}</Link>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
