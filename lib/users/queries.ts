import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";

export const USERS_PAGE_SIZE = 25;

export const ZUserFilter = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  role: z.enum(["ALL", "STUDENT", "INSTRUCTOR", "ADMIN"]).catch("ALL").default("ALL"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TUserFilter = z.infer<typeof ZUserFilter>;

/** Accounts matching a search (name, email or username) and role, newest first, a page at a time; admins only. */
export async function listUsersForAdmin(actor: TCurrentUser, filter: TUserFilter = ZUserFilter.parse({})) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an admin can list users.");
  const where: Prisma.UserWhereInput = {
    ...(filter.role !== "ALL" && { role: filter.role }),
    ...(filter.q && {
      OR: [
        { name: { contains: filter.q, mode: "insensitive" } },
        { email: { contains: filter.q, mode: "insensitive" } },
        { username: { contains: filter.q, mode: "insensitive" } },
      ],
    }),
  };
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, username: true, role: true, disabledAt: true, createdAt: true },
    }),
    db.user.count({ where }),
  ]);
  return { users, total, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}
