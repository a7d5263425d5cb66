import "server-only";
import { db } from "@/lib/db";

// The set of real lesson paths, so the proxy can answer 404 before a made-up path reaches (and fills)
// the page cache. Content changes only on re-seeding; a minute's delay is fine.
const TTL_MS = 60_000;
let cached: { at: number; paths: Promise<Set<string>> } | null = null;

export async function isKnownLessonPath(pathname: string): Promise<boolean> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const paths = db.lesson
      .findMany({ select: { slug: true, module: { select: { slug: true } } } })
      .then((rows) => new Set(rows.map((r) => `/learn/${r.module.slug}/${r.slug}`)));
    cached = { at: Date.now(), paths };
    paths.catch(() => (cached = null));
  }
  return (await cached.paths).has(pathname);
}
