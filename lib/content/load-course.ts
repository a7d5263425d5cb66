import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { collectQuotes } from "./activity-quotes";
import { parseFrontMatter, parseYamlData, type TFrontMatter } from "./front-matter";
import { ZActivity, type TActivity } from "./activity-schema";
import {
  ZLesson,
  ZModule,
  ZSource,
  ZTerms,
  type TLesson,
  type TModule,
  type TSource,
  type TTerm,
} from "./schemas";

export type TCourseModule = TModule & { lessons: TLesson[]; activities: TActivity[] };
export type TCourse = { sources: TSource[]; terms: TTerm[]; modules: TCourseModule[] };

/** A content file is wrong; the message starts with the file so an author can go straight to it. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "ContentError";
  }
}

/**
 * Reads and validates the whole course from `root` (the content/ folder).
 * Throws ContentError on the first problem, naming the file and the field.
 */
export async function loadCourse(root = path.join(process.cwd(), "content")): Promise<TCourse> {
  // Paths in messages include the content folder's own name ("content/sources/x.md").
  const rel = (file: string) => path.relative(path.dirname(root), file).split(path.sep).join("/");

  const sources = await loadSources(path.join(root, "sources"), rel);
  const terms = (await parseFile(path.join(root, "terms.yaml"), ZTerms, rel)).terms;
  const modules = await loadModules(path.join(root, "modules"), rel);

  checkUnique(sources.map((s) => [s.slug, s.file]), "source slug", rel);
  checkUnique(terms.map((t) => [t.id, path.join(root, "terms.yaml")]), "term id", rel);
  checkUnique(modules.map((m) => [m.slug, m.file]), "module slug", rel);
  checkUnique(modules.map((m) => [String(m.order), m.file]), "module order", rel);

  const bodies = new Map(sources.map((s) => [s.slug, s.body]));
  for (const m of modules) {
    m.sources.forEach((slug, i) => {
      if (!bodies.has(slug)) throw new ContentError(rel(m.file), `sources.${i}: unknown source "${slug}"`);
    });
    for (const a of m.activityFiles) {
      a.activity.sources.forEach((slug, i) => {
        if (!bodies.has(slug)) throw new ContentError(rel(a.file), `sources.${i}: unknown source "${slug}"`);
      });
      for (const q of collectQuotes(a.activity)) {
        const body = bodies.get(q.source);
        if (body === undefined) throw new ContentError(rel(a.file), `${q.where}: unknown source "${q.source}"`);
        if (!body.includes(q.quote)) {
          throw new ContentError(rel(a.file), `${q.where}: quote not found verbatim in source "${q.source}": "${q.quote}"`);
        }
      }
    }
  }

  return {
    sources: sources.map(({ file: _file, ...s }) => s),
    terms,
    modules: modules
      .sort((a, b) => a.order - b.order)
      .map(({ file: _file, activityFiles, ...m }) => ({ ...m, activities: activityFiles.map((a) => a.activity) })),
  };
}

type Rel = (file: string) => string;

async function loadSources(dir: string, rel: Rel) {
  const files = await listFiles(dir, ".md");
  return Promise.all(
    files.map(async (file) => ({ ...(await parseMarkdown(file, ZSource, rel)), file })),
  );
}

async function loadModules(dir: string, rel: Rel) {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory());
  return Promise.all(
    entries.map(async (entry) => {
      const moduleDir = path.join(dir, entry.name);
      const file = path.join(moduleDir, "module.yaml");
      const mod = await parseFile(file, ZModule, rel);
      if (mod.slug !== entry.name) {
        throw new ContentError(rel(file), `slug: "${mod.slug}" does not match its folder "${entry.name}"`);
      }

      const lessons: TLesson[] = [];
      const lessonSlugs: Array<[string, string]> = [];
      for (const lessonFile of await listFiles(path.join(moduleDir, "lessons"), ".md")) {
        const lesson = await parseMarkdown(lessonFile, ZLesson, rel);
        const expected = path.basename(lessonFile, ".md").replace(/^\d+-/, "");
        if (lesson.slug !== expected) {
          throw new ContentError(rel(lessonFile), `slug: "${lesson.slug}" does not match the file name "${expected}"`);
        }
        lessons.push(lesson);
        lessonSlugs.push([lesson.slug, lessonFile]);
      }
      checkUnique(lessonSlugs, "lesson slug", rel);

      const activityFiles = [];
      for (const activityFile of await listFiles(path.join(moduleDir, "activities"), ".yaml")) {
        activityFiles.push({ file: activityFile, activity: await parseFile(activityFile, ZActivity, rel) });
      }
      return { ...mod, lessons, activityFiles, file };
    }),
  );
}

/** Sorted so lessons and activities follow their NN- file-name prefix; a missing folder is empty. */
async function listFiles(dir: string, ext: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.endsWith(ext)).sort().map((n) => path.join(dir, n));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

async function parseFile<T extends z.ZodType>(file: string, schema: T, rel: Rel): Promise<z.infer<T>> {
  let data: unknown;
  try {
    data = parseYamlData(await readFile(file, "utf8"));
  } catch (error) {
    throw new ContentError(rel(file), `cannot read YAML: ${(error as Error).message}`);
  }
  return validate(data, schema, rel(file));
}

async function parseMarkdown<T extends z.ZodType>(file: string, schema: T, rel: Rel): Promise<z.infer<T>> {
  let parsed: TFrontMatter;
  try {
    parsed = parseFrontMatter(await readFile(file, "utf8"));
  } catch (error) {
    throw new ContentError(rel(file), `cannot read frontmatter: ${(error as Error).message}`);
  }
  if (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    throw new ContentError(rel(file), "cannot read frontmatter: expected fields (name: value), one a line");
  }
  // Offsets into the body must not depend on how the file ends.
  const body = parsed.body.replace(/^\n+/, "").replace(/\s+$/, "");
  return validate({ ...parsed.data, body }, schema, rel(file));
}

function validate<T extends z.ZodType>(data: unknown, schema: T, file: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
  throw new ContentError(file, `${field}: ${issue.message}`);
}

function checkUnique(pairs: Array<[string, string]>, what: string, rel: Rel) {
  const seen = new Map<string, string>();
  for (const [key, file] of pairs) {
    const first = seen.get(key);
    if (first !== undefined) throw new ContentError(rel(file), `duplicate ${what} "${key}" (also in ${rel(first)})`);
    seen.set(key, file);
  }
}
