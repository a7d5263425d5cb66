import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/**
 * Locks a module or activity row for an unpublish (`FOR UPDATE`), so that it and the check of its
 * assignments happen as one step: `createAssignment` takes `FOR SHARE` on the same rows and re-reads the
 * status, so an assignment made at the same moment either waits and is refused (the item is a draft now),
 * or commits first and is seen by `refuseIfAssigned`.
 */
export async function lockForStatusChange(tx: Prisma.TransactionClient, table: "Module" | "Activity", id: string) {
  if (table === "Module") await tx.$queryRaw`SELECT 1 FROM "Module" WHERE "id" = ${id} FOR UPDATE`;
  else await tx.$queryRaw`SELECT 1 FROM "Activity" WHERE "id" = ${id} FOR UPDATE`;
}

/**
 * Refuses to unpublish what a class has been set: its pupils would find "To do" work whose link answers
 * 404, and its teacher a grid column nobody can fill. The message names the classes (name, term and count,
 * nothing about their teachers or pupils: the admin may not teach them).
 *
 * NOTE: every assignment counts, closed ones too. A closed assignment is still on the pupil's list with
 * its score, the teacher's comment and a link to review the attempt, and in the class grid and gradebook;
 * a school expects that record to stay readable. The teacher removes the assignment first, knowingly.
 */
export async function refuseIfAssigned(tx: Prisma.TransactionClient, assigned: Prisma.AssignmentWhereInput, what: string) {
  const classes = await tx.class.findMany({
    where: { assignments: { some: assigned } },
    select: { name: true, term: true },
    orderBy: [{ name: "asc" }, { term: "asc" }],
  });
  if (classes.length === 0) return;
  const count = classes.length === 1 ? "1 class" : `${classes.length} classes`;
  const names = classes.map((c) => (c.term ? `“${c.name}” (${c.term})` : `“${c.name}”`)).join(", ");
  throw new AppError(
    "CONFLICT",
    `${what} is assigned to ${count}: ${names}. Pupils would be left with work they cannot open: ask their teachers to remove the assignment first.`,
  );
}
