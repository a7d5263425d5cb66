import "server-only";
import type { TCurrentUser } from "@/lib/auth/session";
import { db, replica, type TReadClient } from "@/lib/db";
import { seesDrafts } from "./visibility";

/**
 * Where `user` reads course content (modules, lessons, sources, terms) from. Learners and instructors
 * read a replica: content changes rarely, and a few seconds' lag is well inside the minute the cached
 * lesson pages and other nodes already take to catch up (docs/decisions/007). Admins, who write the
 * content and see drafts, read the primary, so an edit shows on the very next page they open.
 */
export function contentReader(user: Pick<TCurrentUser, "role"> | null): TReadClient {
  return seesDrafts(user) ? db : replica();
}
