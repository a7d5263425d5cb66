import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { strToU8, zipSync } from "fflate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { courseToFiles, exportCourseZip, readCourseFromDb, writeCourseFiles } from "@/lib/authoring/export-course";
import { readCourseFromZip } from "@/lib/authoring/import-course";
import type { TActivity } from "@/lib/content/activity-schema";
import { loadCourse, type TCourse } from "@/lib/content/load-course";
import { seedCourse } from "@/lib/content/seed-course";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { TEMPLATE } from "../support/integration-global-setup";
import { db } from "./helpers";

const AUTHOR = { id: null, name: "Round-trip test", note: "Imported by the round-trip test" };
const cleanup: Array<() => Promise<unknown>> = [];

/** A migrated database of its own with no course in it: a clone of the test template, content truncated. */
async function emptyDatabase(): Promise<PrismaClient> {
  const url = new URL(process.env.DATABASE_URL!);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const name = `crosscheck_it_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`);
  await client.end();
  url.pathname = `/${name}`;
  const empty = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
  cleanup.push(() => empty.$disconnect());
  // CASCADE also empties what hangs off them: module sources, lessons, activities and their versions, attempts.
  await empty.$executeRawUnsafe(`TRUNCATE "Source", "Term", "Module" CASCADE`);
  return empty;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "crosscheck-round-trip-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `files` to a fresh folder and reads it back the way the app reads content/. */
async function loadFiles(files: Map<string, string>): Promise<TCourse> {
  const dir = await tempDir();
  await writeCourseFiles(dir, files);
  return loadCourse(dir);
}

function zipOf(files: Map<string, string>, top = "content/"): Uint8Array {
  return zipSync(Object.fromEntries([...files].map(([name, text]) => [`${top}${name}`, strToU8(text)])));
}

async function importsDirectory(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((n) => n.startsWith("crosscheck-import-"));
}

describe("course export and import", () => {
  let repository: TCourse;
  let exported: Map<string, string>;

  beforeAll(async () => {
    repository = await loadCourse();
    exported = courseToFiles(await readCourseFromDb(db));
  });

  afterAll(async () => {
    for (const undo of cleanup.reverse()) await undo();
  });

  it("exports the seeded database to files that mean exactly what content/ says", async () => {
    const reloaded = await loadFiles(exported);
    // Every order the files give (terms, a module's sources, lessons, activities) survives the database.
    expect(reloaded).toStrictEqual(repository);
    // The in-memory course and its files agree too: nothing is lost or added by writing.
    expect(await readCourseFromDb(db)).toStrictEqual(reloaded);
    expect([...exported.keys()].filter((f) => f.startsWith("sources/")).sort()).toEqual(
      repository.sources.map((s) => `sources/${s.slug}.md`).sort(),
    );
  });

  it("imports an export into an empty database and exports the same bytes again", async () => {
    const empty = await emptyDatabase();
    expect(await empty.module.count()).toBe(0);

    const course = await loadFiles(exported);
    await empty.$transaction((tx) => seedCourse(tx, course, AUTHOR), { timeout: 120_000 });
    const second = courseToFiles(await readCourseFromDb(empty));

    expect([...second.keys()].sort()).toEqual([...exported.keys()].sort());
    for (const [file, text] of exported) expect(second.get(file), file).toBe(text);

    // Importing the same files again changes nothing: no activity gets a new version.
    const versions = await empty.activityVersion.count();
    await empty.$transaction((tx) => seedCourse(tx, course, AUTHOR), { timeout: 120_000 });
    expect(await empty.activityVersion.count()).toBe(versions);
  });

  it("round-trips the database's course through a zip", async () => {
    const course = await readCourseFromDb(db);
    const before = await importsDirectory();

    const zip = await exportCourseZip(db);
    expect(await readCourseFromZip(zip)).toStrictEqual(course);
    // Files at the root of the zip, without the top folder, are accepted as well.
    expect(await readCourseFromZip(zipOf(exported, ""))).toStrictEqual(course);
    // The same course always zips to the same bytes.
    expect(await exportCourseZip(db)).toEqual(zip);
    expect(await importsDirectory()).toEqual(before);
  });

  it("refuses a zip with a wrong activity, naming the file and the field, and leaves no files behind", async () => {
    const before = await importsDirectory();
    const file = [...exported.keys()].find((f) => f.includes("/activities/") && /\bquote:/.test(exported.get(f)!))!;
    const activity = parseYaml(exported.get(file)!) as TActivity;
    const question = activity.questions.find((q) => q.type === "choice" && q.cites.length > 0)!;
    if (question.type !== "choice") throw new Error("the course has no choice question with a cite");
    question.cites[0]!.quote = "A sentence that no source contains.";
    const broken = new Map(exported).set(file, stringifyYaml(activity));

    await expect(readCourseFromZip(zipOf(broken))).rejects.toThrow(
      `content/${file}: questions.${question.id}.cites.0: quote not found verbatim in source "${question.cites[0]!.source}"`,
    );

    const wrongKind = new Map(exported).set(file, exported.get(file)!.replace(/^kind: \w+$/m, "kind: lecture"));
    await expect(readCourseFromZip(zipOf(wrongKind))).rejects.toThrow(new RegExp(`^content/${file}: kind: `));
    expect(await importsDirectory()).toEqual(before);
  });

  it("refuses paths outside the folder, too many files, too many bytes and what is not a zip", async () => {
    const withEntry = (name: string, data: Uint8Array = strToU8("x")) => {
      const entries: Record<string, Uint8Array> = Object.fromEntries([...exported].map(([f, t]) => [`content/${f}`, strToU8(t)]));
      entries[name] = data;
      return zipSync(entries);
    };
    await expect(readCourseFromZip(withEntry("../evil"))).rejects.toThrow(/^\.\.\/evil: refused/);
    await expect(readCourseFromZip(withEntry("content/sources/../../evil.md"))).rejects.toThrow(/refused/);
    await expect(readCourseFromZip(withEntry("/etc/evil"))).rejects.toThrow(/^\/etc\/evil: refused/);
    await expect(readCourseFromZip(withEntry("content/big.bin", new Uint8Array(21 * 1024 * 1024)))).rejects.toThrow(/more than 20 MB/);

    const many = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`content/extra/${i}.txt`, strToU8("x")]));
    await expect(readCourseFromZip(zipSync(many))).rejects.toThrow(/more than 2000 files/);
    await expect(readCourseFromZip(strToU8("not a zip"))).rejects.toThrow(/^\(zip\): not a readable zip file/);
    await expect(readCourseFromZip(zipSync({ "notes.txt": strToU8("x") }))).rejects.toThrow(/^\(zip\): no course found/);
  });

  it("keeps draft lessons, activities and sources through export and import", async () => {
    const first = await emptyDatabase();
    await first.$transaction((tx) => seedCourse(tx, repository, AUTHOR), { timeout: 120_000 });
    const activity = await first.activity.findFirstOrThrow({ orderBy: [{ module: { order: "asc" } }, { order: "desc" }] });
    const lesson = await first.lesson.findFirstOrThrow({ orderBy: [{ module: { order: "desc" } }, { order: "asc" }] });
    const source = await first.source.findFirstOrThrow({ orderBy: { slug: "asc" } });
    await first.activity.update({ where: { id: activity.id }, data: { status: "DRAFT" } });
    await first.lesson.update({ where: { id: lesson.id }, data: { status: "DRAFT" } });
    await first.source.update({ where: { id: source.id }, data: { status: "DRAFT" } });

    const files = courseToFiles(await readCourseFromDb(first));
    const drafts = [...files].filter(([, text]) => /^status: draft$/m.test(text)).map(([file]) => file);
    expect(drafts).toHaveLength(3);
    expect(drafts).toContain(`sources/${source.slug}.md`);
    expect(drafts.some((f) => f.includes("/lessons/") && f.endsWith(`-${lesson.slug}.md`))).toBe(true);
    expect(drafts.filter((f) => f.includes("/activities/"))).toHaveLength(1);
    // Published items do not spell out the default.
    expect([...files.values()].some((text) => /^status: published$/m.test(text))).toBe(false);

    const second = await emptyDatabase();
    const course = await readCourseFromZip(zipOf(files));
    await second.$transaction((tx) => seedCourse(tx, course, AUTHOR), { timeout: 120_000 });
    expect((await second.activity.findUniqueOrThrow({ where: { slug: activity.slug } })).status).toBe("DRAFT");
    expect((await second.source.findUniqueOrThrow({ where: { slug: source.slug } })).status).toBe("DRAFT");
    const lessons = await second.lesson.findMany({ where: { status: "DRAFT" }, select: { slug: true } });
    expect(lessons).toEqual([{ slug: lesson.slug }]);
    expect(await second.activity.count({ where: { status: "DRAFT" } })).toBe(1);

    const again = courseToFiles(await readCourseFromDb(second));
    expect([...again]).toEqual([...files]);
  });
});
