/**
 * Moves the course between the database (where admins edit it) and content files (docs/decisions/005).
 *   npm run content -- export <dir>   writes the database's course as content files into <dir>
 *   npm run content -- import <dir>   validates <dir> like content/ and writes it into the database
 * An import updates by slug in one transaction: a changed activity gets a new version, learners' progress
 * and attempts are kept. Uses DATABASE_URL (`npm run content` starts the embedded database when unset).
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { courseToFiles, readCourseFromDb, writeCourseFiles } from "../lib/authoring/export-course";
import { loadCourse } from "../lib/content/load-course";
import { seedCourse } from "../lib/content/seed-course";
import { PrismaClient } from "../lib/generated/prisma/client";

const USAGE = "usage: npm run content -- export <dir> | import <dir>";

async function exportTo(db: PrismaClient, dir: string) {
  await refuseForeignFolder(dir);
  const files = courseToFiles(await readCourseFromDb(db));
  await writeCourseFiles(dir, files);
  // Proves the export reads back before anyone commits it.
  await loadCourse(dir);
  console.log(`Wrote ${files.size} files to ${dir}.`);
}

async function importFrom(db: PrismaClient, dir: string, shown: string) {
  const course = await loadCourse(dir);
  const author = { id: null, name: "Command line import", note: `Imported from ${shown}` };
  await db.$transaction((tx) => seedCourse(tx, course, author), { timeout: 120_000 });
  const counts = [`${course.sources.length} sources`, `${course.modules.length} modules`, `${course.terms.length} terms`];
  console.log(`Imported ${counts.join(", ")} from ${shown}.`);
}

/** The export replaces sources/, modules/ and terms.yaml: only in an empty folder or a content folder. */
async function refuseForeignFolder(dir: string) {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (names.length > 0 && !names.includes("terms.yaml")) {
    throw new Error(`${dir} is neither empty nor a content folder (no terms.yaml): refusing to write into it.`);
  }
}

async function main() {
  const [command, dirArg, ...extra] = process.argv.slice(2);
  if ((command !== "export" && command !== "import") || !dirArg || extra.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set: run this through `npm run content -- ...`, which provides one.");
    process.exit(2);
  }
  const dir = path.resolve(dirArg);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    if (command === "export") await exportTo(db, dir);
    else await importFrom(db, dir, dirArg);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
