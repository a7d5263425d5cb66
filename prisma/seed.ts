/**
 * Installs the course from content/ into a database that has none and, in demo mode, the three demo
 * accounts and a demo class. Idempotent: safe to run on every start. Once installed, the course belongs
 * to the database, where admins edit it; content/ is re-imported only on request (`npm run content --
 * import`, or the admin's Import page), never over their edits (docs/decisions/009).
 * Demo accounts are skipped in production against a real server unless SEED_DEMO=1.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { DEMO_PASSWORD, DEMO_USERS, demoAccountsWanted } from "../lib/auth/demo-accounts";
import { hashPassword } from "../lib/auth/passwords";
import { loadCourse } from "../lib/content/load-course";
import { seedCourse } from "../lib/content/seed-course";
import { seedDemoClass } from "../lib/demo/demo-class";
import { PrismaClient } from "../lib/generated/prisma/client";

async function main() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    const started = Date.now();
    const course = await loadCourse();
    const installed = (await db.module.count()) > 0;
    if (!installed) await db.$transaction((tx) => seedCourse(tx, course), { timeout: 120_000 });
    if (demoAccountsWanted(process.env)) {
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      for (const u of DEMO_USERS) {
        // Existing demo accounts are left as they are: their progress and any admin changes survive.
        await db.user.upsert({ where: { email: u.email }, create: { ...u, passwordHash }, update: {} });
      }
      await seedDemoClass(db, course, passwordHash, "instructor@crosscheck.test", "student@crosscheck.test");
    }
    const what = [installed ? null : "the course", demoAccountsWanted(process.env) ? "demo accounts" : null].filter(Boolean);
    console.log(`${installed ? "The course is installed; admins own it. " : ""}Seeded ${what.join(" and ") || "nothing"} in ${Date.now() - started} ms.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
