import type { Metadata } from "next";
import Link from "next/link";
import { DraftBadge } from "@/components/ui/draft-badge";
import { requirePageUser } from "@/lib/auth/session";
import type { TSource } from "@/lib/content/schemas";
import { listSources } from "@/lib/learning/queries";

export const metadata: Metadata = { title: "Sources" };

// NOTE: no genre label: it is the key of perspective questions word for word (issue 15).
export default async function SourcesPage() {
  const user = await requirePageUser("/learn/sources", "STUDENT", "INSTRUCTOR", "ADMIN");
  const sources = await listSources(user);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-serif text-3xl font-bold">The sources</h1>
      <p className="max-w-3xl">
        The course is built on {sources.length} published articles. The five it started with do not speak with one
        voice, but they are not balanced either: two come from a Turkish and an Azerbaijani think tank, a third argues Baku&apos;s case throughout, and
        none is by an Armenian or Karabakh Armenian author. Module 0 explains what the set cannot show.
      </p>
      <ul className="grid gap-4 md:grid-cols-2">
        {sources.map((s) => {
          const card = s.card as Omit<TSource, "slug" | "title" | "publishedAt" | "body">;
          return (
            <li key={s.slug} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-semibold">
                <Link href={`/learn/sources/${s.slug}`} className="text-accent underline">{s.title}</Link>
                <DraftBadge status={s.status} />
              </h2>
              <p className="text-sm text-muted">
                {card.authors.map((a) => a.name).join(", ") || "No byline"} · {card.outlet.name} ({card.outlet.kind}) · {s.publishedAt}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
