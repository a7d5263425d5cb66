/**
 * Loads content/ into the database and, in demo mode, the three demo accounts. Idempotent: safe to run
 * on every start. Demo accounts are skipped in production against a real server unless SEED_DEMO=1.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { hashPassword } from "../lib/auth/passwords";
import { loadCourse } from "../lib/content/load-course";
import { seedCourse } from "../lib/content/seed-course";
import { PrismaClient } from "../lib/generated/prisma/client";

export const DEMO_PASSWORD = "crosscheck-demo";
const DEMO_USERS = [
  { email: "student@crosscheck.test", name: "Sam Student", role: "STUDENT" },
  { email: "instructor@crosscheck.test", name: "Ines Instructor", role: "INSTRUCTOR" },
  { email: "admin@crosscheck.test", name: "Ada Admin", role: "ADMIN" },
] as const;

function demoAccountsWanted() {
  if (process.env.SEED_DEMO === "1") return true;
  if (process.env.SEED_DEMO === "0") return false;
  const embedded = process.env.CROSSCHECK_EMBEDDED_DB === "1";
  return process.env.NODE_ENV !== "production" || embedded;
}

async function main() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    const started = Date.now();
    await seedCourse(db, await loadCourse());
    if (demoAccountsWanted()) {
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      for (const u of DEMO_USERS) {
        // Existing demo accounts are left as they are: their progress and any admin changes survive.
        await db.user.upsert({ where: { email: u.email }, create: { ...u, passwordHash }, update: {} });
      }
    }
    console.log(`Seeded the course${demoAccountsWanted() ? " and demo accounts" : ""} in ${Date.now() - started} ms.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
