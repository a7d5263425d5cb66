import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_PAGE_SIZE = 50;

export const ZAuditFilter = z.object({
  action: z.string().trim().max(60).catch("").default(""),
  actor: z.string().trim().max(100).catch("").default(""),
  target: z.string().trim().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** The audit log, newest first, filtered by action, actor (name or email) and target id; admins only. */
export async function listAuditEvents(actor: TCurrentUser, filter: TAuditFilter) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an admin can read the audit log.");
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action && { action: filter.action }),
    ...(filter.actor && { actorName: { contains: filter.actor, mode: "insensitive" } }),
    ...(filter.target && { targetId: filter.target }),
  };
  const [events, total, actions] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { events, total, actions: actions.map((a) => a.action), pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
