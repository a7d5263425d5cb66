import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TContentAuthor } from "@/lib/content/seed-course";

/** Content is changed by admins only; every authoring read and write starts here, whoever called it. */
export function assertAdmin(actor: Pick<TCurrentUser, "role">) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an admin can change the course.");
}

/** The author credited with a new activity version. */
export function authorOf(actor: TCurrentUser, note: string): TContentAuthor {
  return { id: actor.id, name: `${actor.name} <${actor.email ?? actor.username ?? actor.id}>`, note };
}
