import type { Role } from "@/lib/generated/prisma/enums";

/** Where each role lands after signing in. */
export const HOME_FOR_ROLE: Record<Role, string> = {
  STUDENT: "/learn",
  INSTRUCTOR: "/teach",
  ADMIN: "/admin",
};

/** Which roles may open each area. Admins may look at every area; instructors may also take the course. */
export const AREA_ROLES = {
  learn: ["STUDENT", "INSTRUCTOR", "ADMIN"],
  teach: ["INSTRUCTOR", "ADMIN"],
  admin: ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

/** A `next` path after sign-in is honoured only if it is local and inside an area the role may open. */
export function landingPath(role: Role, next: string | null | undefined): string {
  if (next && /^\/(learn|teach|admin)(\/[\w\-/]*)?$/.test(next)) {
    const area = next.split("/")[1] as keyof typeof AREA_ROLES;
    if ((AREA_ROLES[area] as readonly Role[]).includes(role)) return next;
  }
  return HOME_FOR_ROLE[role];
}
