import type { TCurrentUser } from "@/lib/auth/session";

/**
 * Who sees drafts: admins, who preview content exactly where learners will find it. Everyone else sees
 * a module, lesson, activity or source only once it is published (and a lesson or activity only when its
 * module is too).
 */
export function seesDrafts(user: Pick<TCurrentUser, "role"> | null): boolean {
  return user?.role === "ADMIN";
}

/** `where` fragments for content rows visible to `user` (all of them for an admin). */
export function visible(user: Pick<TCurrentUser, "role"> | null) {
  const drafts = seesDrafts(user);
  const own = drafts ? {} : { status: "PUBLISHED" as const };
  return {
    module: own,
    source: own,
    /** A lesson or activity: itself and its module published. */
    inModule: drafts ? {} : { status: "PUBLISHED" as const, module: { status: "PUBLISHED" as const } },
    /** A child selected through its module (the module is already filtered). */
    child: own,
  };
}
