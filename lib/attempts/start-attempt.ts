import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { Prisma } from "@/lib/generated/prisma/client";
import { visible } from "@/lib/content/visibility";

/**
 * The caller's open attempt at an activity, created when there is none. Two tabs opening the quiz at
 * once both get the same attempt: the unique (user, activity, openSlot) index lets only one be created.
 * A new attempt is on the activity's current version, and stays on it whatever is edited later.
 */
export async function startOrResumeAttempt(user: TCurrentUser, activitySlug: string) {
  const activity = await db.activity.findUnique({
    where: { slug: activitySlug, ...visible(user).inModule },
    select: { id: true, version: true },
  });
  if (!activity) throw new AppError("NOT_FOUND", "No such quiz or exercise.");
  for (let tries = 0; tries < 3; tries++) {
    const open = await db.attempt.findFirst({
      where: { userId: user.id, activityId: activity.id, status: "IN_PROGRESS" },
      select: { id: true },
    });
    if (open) return open.id;
    const last = await db.attempt.aggregate({ where: { userId: user.id, activityId: activity.id }, _max: { number: true } });
    try {
      const created = await db.attempt.create({
        data: { userId: user.id, activityId: activity.id, activityVersion: activity.version, number: (last._max.number ?? 0) + 1 },
        select: { id: true },
      });
      return created.id;
    } catch (error) {
      // Someone (another tab) created it first: loop and pick theirs up.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new AppError("CONFLICT", "Could not start the attempt. Please reload the page.");
}

/**
 * An admin previewing an activity they have since edited: their open preview attempt is on the old
 * version, so it is discarded and a new one started on the current version. Learners' attempts are never
 * touched; for them an open attempt always keeps its version.
 */
export async function restartStalePreview(user: TCurrentUser, activitySlug: string) {
  if (user.role !== "ADMIN") return;
  const current = await db.activity.findUnique({ where: { slug: activitySlug }, select: { id: true, version: true } });
  if (!current) throw new AppError("NOT_FOUND", "No such quiz or exercise.");
  await db.attempt.deleteMany({
    where: { userId: user.id, activityId: current.id, status: "IN_PROGRESS", activityVersion: { lt: current.version } },
  });
  await startOrResumeAttempt(user, activitySlug);
}
