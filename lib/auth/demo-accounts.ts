import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "crosscheck-demo";
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "student@crosscheck.test", name: "Sam Student", role: "STUDENT" },
  { email: "instructor@crosscheck.test", name: "Ines Instructor", role: "INSTRUCTOR" },
  { email: "admin@crosscheck.test", name: "Ada Admin", role: "ADMIN" },
];

/**
 * Demo accounts (with a published password) are created except in production against a real server,
 * where they need an explicit SEED_DEMO=1. Our own embedded database counts as a demo, never as production.
 */
export function demoAccountsWanted(env: Record<string, string | undefined>): boolean {
  if (env.SEED_DEMO === "1") return true;
  if (env.SEED_DEMO === "0") return false;
  return env.NODE_ENV !== "production" || env.CROSSCHECK_EMBEDDED_DB === "1";
}
