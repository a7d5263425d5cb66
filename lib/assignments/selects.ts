import type { Prisma } from "@/lib/generated/prisma/client";

/** An assignment's dates and feedback policy, as every view of it reads them. */
export const ASSIGNMENT_SCHEDULE = { id: true, opensAt: true, dueAt: true, timeZone: true, feedback: true } satisfies Prisma.AssignmentSelect;

/** What decides which attempts count for an assignment (lib/assignments/counted-attempts.ts). */
export const ASSIGNMENT_COUNTING = { createdAt: true, countEarlierAttempts: true, countRetakesAfterKey: true } satisfies Prisma.AssignmentSelect;

/** What an assignment sets: one activity, or a module with its activities in course order. */
export const ASSIGNMENT_TARGET = {
  activity: { select: { id: true, slug: true, title: true, module: { select: { slug: true } } } },
  // A module assignment covers its published activities: a draft added later is not work learners can see.
  module: { select: { slug: true, title: true, activities: { where: { status: "PUBLISHED" }, orderBy: { order: "asc" }, select: { id: true, slug: true, title: true } } } },
} satisfies Prisma.AssignmentSelect;

/** Assignments as every list shows them: soonest due first. */
export const BY_DUE_DATE: Prisma.AssignmentOrderByWithRelationInput[] = [{ dueAt: "asc" }, { createdAt: "asc" }];
