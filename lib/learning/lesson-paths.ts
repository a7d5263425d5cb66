import "server-only";
import { db } from "@/lib/db";

// The set of published lesson paths, so the proxy can answer 404 before a made-up or draft path reaches
// (and fills) the page cache. Admin edits call `forgetLessonPaths`; other processes catch up within a minute.
const TTL_MS = 60_000;
let cached: { at: number; paths: Promise<Set<string>> } | null = null;

export async function isKnownLessonPath(pathname: string): Promise<boolean> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const paths = db.lesson
      .findMany({ where: { status: "PUBLISHED", module: { status: "PUBLISHED" } }, select: { slug: true, module: { select: { slug: true } } } })
      .then((rows) => new Set(rows.map((r) => `/learn/${r.module.slug}/${r.slug}`)));
    cached = { at: Date.now(), paths };
    paths.catch(() => (cached = null));
  }
  return (await cached.paths).has(pathname);
}

/** Drops this process's list after a lesson or module is published, unpublished or renamed. */
export function forgetLessonPaths() {
  cached = null;
}
