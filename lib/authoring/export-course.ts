// NOTE: no `import "server-only"`: its default export throws outside a React Server bundle, and this file
// also runs in plain Node from `npm run content -- export` (tsx). Nothing here is meant for the browser.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { stringify as stringifyYaml } from "yaml";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { stringifyFrontMatter } from "@/lib/content/front-matter";
import { ZActivity, type TActivity, type TQuestion } from "@/lib/content/activity-schema";
import type { TCourse, TCourseModule } from "@/lib/content/load-course";
import { ZLesson, ZModule, ZSource, ZTerms } from "@/lib/content/schemas";

type TDb = PrismaClient | Prisma.TransactionClient;

const STATUS = { PUBLISHED: "published", DRAFT: "draft" } as const;

/** Fixed so that the same course always zips to the same bytes. */
const ZIP_MTIME = new Date("2000-01-01T00:00:00Z");

/**
 * The course as the database holds it now (admins edit it there), in the shape `loadCourse` returns, so
 * that it can be written back to files. Json columns are re-parsed through the content schemas, which
 * both validates them and restores the key order that Postgres jsonb does not keep.
 *
 * Terms and a module's sources follow their `position` (the order of the files; ties, e.g. from rows
 * written before positions existed, by id or by publication date then slug); sources by file name (as
 * `loadCourse` reads them). Lessons and activities follow their `order` column (ties by slug).
 */
export async function readCourseFromDb(db: TDb): Promise<TCourse> {
  const [sourceRows, termRows, moduleRows] = await Promise.all([
    db.source.findMany({ select: { slug: true, title: true, publishedAt: true, body: true, card: true, status: true } }),
    db.term.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, neutral: true, note: true, variants: true } }),
    db.module.findMany({
      select: {
        slug: true,
        order: true,
        title: true,
        summary: true,
        timeline: true,
        keyTerms: true,
        showMap: true,
        status: true,
        sources: { select: { position: true, source: { select: { slug: true, publishedAt: true } } } },
        lessons: { select: { slug: true, order: true, title: true, summary: true, minutes: true, body: true, status: true } },
        activities: { select: { slug: true, order: true, definition: true, status: true } },
      },
    }),
  ]);

  const sources = sourceRows
    .map(({ card, status, ...row }) => ZSource.parse({ ...asObject(card), ...row, status: STATUS[status] }))
    .sort((a, b) => compareText(sourceFileName(a.slug), sourceFileName(b.slug)));
  const terms = ZTerms.parse({ terms: termRows }).terms;
  const modules = moduleRows
    .sort((a, b) => a.order - b.order || compareText(a.slug, b.slug))
    .map((row): TCourseModule => {
      const { lessons, activities, sources: links, status, ...rest } = row;
      const mod = ZModule.parse({ ...rest, status: STATUS[status], sources: sortModuleSources(links) });
      return {
        ...mod,
        lessons: byOrder(lessons).map(({ order: _order, status: s, ...lesson }) => ZLesson.parse({ ...lesson, status: STATUS[s] })),
        activities: byOrder(activities).map((a) => activityFromRow(a.definition, a.status)),
      };
    });
  return { sources, terms, modules };
}

/**
 * The course as content files, keyed by their path inside the content folder ("sources/x.md",
 * "modules/m/lessons/01-y.md"...), in the format `loadCourse` reads. Deterministic: the same course
 * always gives the same bytes, so an export can be diffed and committed. Published items leave out
 * `status` (it is the default); drafts carry `status: draft`.
 */
export function courseToFiles(course: TCourse): Map<string, string> {
  const files = new Map<string, string>();
  for (const source of course.sources) {
    const { body, ...frontmatter } = ZSource.parse(source);
    files.set(`sources/${sourceFileName(source.slug)}`, markdownFile(withoutPublished(frontmatter), body));
  }
  files.set("terms.yaml", yamlFile(ZTerms.parse({ terms: course.terms })));
  for (const m of course.modules) {
    const { lessons, activities, ...rest } = m;
    const dir = `modules/${m.slug}`;
    files.set(`${dir}/module.yaml`, yamlFile(withoutPublished(ZModule.parse(rest))));
    lessons.forEach((lesson, i) => {
      const { body, ...frontmatter } = ZLesson.parse(lesson);
      files.set(`${dir}/lessons/${prefix(i, lessons.length)}-${lesson.slug}.md`, markdownFile(withoutPublished(frontmatter), body));
    });
    activities.forEach((activity, i) => {
      const name = activityFileName(activity.slug, m.slug);
      files.set(`${dir}/activities/${prefix(i, activities.length)}-${name}.yaml`, yamlFile(withoutPublished(canonicalActivity(ZActivity.parse(activity)))));
    });
  }
  return files;
}

/**
 * Writes `files` (from `courseToFiles`) under `dir`. The course's own entries (sources/, modules/ and
 * terms.yaml) are removed first, so that a lesson renamed or reordered since the last export does not
 * linger beside its new file; anything else in `dir` is left alone.
 */
export async function writeCourseFiles(dir: string, files: Map<string, string>): Promise<void> {
  for (const entry of ["sources", "modules", "terms.yaml"]) await rm(path.join(dir, entry), { recursive: true, force: true });
  for (const [file, text] of files) {
    const target = path.join(dir, ...file.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, "utf8");
  }
}

/** The database's course as a zip with a top `content/` folder, for the admin's download. */
export async function exportCourseZip(db: TDb): Promise<Uint8Array> {
  const files = courseToFiles(await readCourseFromDb(db));
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [file, text] of files) entries[`content/${file}`] = [strToU8(text), { mtime: ZIP_MTIME }];
  return zipSync(entries, { level: 9 });
}

/** A stored activity definition plus the row's status, as `loadCourse` would read it from its file. */
function activityFromRow(definition: Prisma.JsonValue, status: keyof typeof STATUS): TActivity {
  const { status: _ignored, ...stored } = asObject(definition);
  return canonicalActivity(ZActivity.parse(status === "DRAFT" ? { ...stored, status: "draft" } : stored));
}

/**
 * Record-valued keys (claim grid and match answers, corroboration notes) in the order of the ids they
 * name: jsonb sorts object keys by length, which would scramble an exported file.
 */
function canonicalActivity(activity: TActivity): TActivity {
  return { ...activity, questions: activity.questions.map(canonicalQuestion) };
}

function canonicalQuestion(q: TQuestion): TQuestion {
  switch (q.type) {
    case "claim-grid": {
      const answer = orderKeys(q.answer, q.claims.map((c) => c.id));
      for (const [claim, row] of Object.entries(answer)) answer[claim] = orderKeys(row, q.sources);
      return { ...q, answer };
    }
    case "match":
      return { ...q, answer: orderKeys(q.answer, q.items.map((i) => i.id)) };
    case "corroboration":
      return { ...q, notes: orderKeys(q.notes, q.statements.map((s) => s.id)) };
    default:
      return q;
  }
}

/** The same record with `ids` first in that order, then any other keys sorted. */
function orderKeys<T>(record: Record<string, T>, ids: string[]): Record<string, T> {
  const keys = [...ids.filter((id) => id in record), ...Object.keys(record).filter((k) => !ids.includes(k)).sort(compareText)];
  return Object.fromEntries(keys.map((k) => [k, record[k]!]));
}

function sortModuleSources(links: Array<{ position: number; source: { slug: string; publishedAt: string } }>): string[] {
  return links
    .sort((a, b) => a.position - b.position || compareText(a.source.publishedAt, b.source.publishedAt) || compareText(a.source.slug, b.source.slug))
    .map((l) => l.source.slug);
}

function byOrder<T extends { order: number; slug: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.order - b.order || compareText(a.slug, b.slug));
}

/** Code-unit order, as `loadCourse` sorts file names: independent of the database's collation and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sourceFileName(slug: string): string {
  return `${slug}.md`;
}

/** "september-2023-quiz" in module "september-2023" is written as "NN-quiz.yaml", as the authors name them. */
function activityFileName(slug: string, moduleSlug: string): string {
  return slug.startsWith(`${moduleSlug}-`) ? slug.slice(moduleSlug.length + 1) : slug;
}

/** "01", "02"...: as wide as the largest number needs (at least two digits) so that file names sort in order. */
function prefix(index: number, count: number): string {
  return String(index + 1).padStart(Math.max(2, String(count).length), "0");
}

function withoutPublished<T extends { status?: string }>(item: T): Omit<T, "status"> | T {
  const { status, ...rest } = item;
  return status === "published" || status === undefined ? rest : item;
}

function asObject(value: Prisma.JsonValue): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}

/** Plain YAML for the `yaml` parser that `loadCourse` uses: no folded lines, no anchors. */
function yamlFile(data: object): string {
  return stringifyYaml(data, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Frontmatter as `loadCourse` reads it back (`parseFrontMatter`); an optional field left undefined is left out. */
function markdownFile(frontmatter: object, body: string): string {
  return stringifyFrontMatter(dropUndefined(frontmatter), body);
}

function dropUndefined(data: object): object {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}
