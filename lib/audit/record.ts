import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TCurrentUser } from "@/lib/auth/session";

type TTx = Prisma.TransactionClient;

export type TAuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  summary: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/**
 * Writes one audit event inside the caller's transaction, so an admin change and its record are saved
 * together or not at all.
 */
export async function recordAudit(tx: TTx, actor: TCurrentUser, entry: TAuditEntry) {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorName: `${actor.name} <${actor.email ?? actor.username ?? actor.id}>`,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      summary: entry.summary,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
