// NOTE: no `import "server-only"`: its default export throws outside a React Server bundle, and this file
// also runs in plain Node from scripts and tests (tsx, vitest). Nothing here is meant for the browser.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync, type UnzipFileInfo } from "fflate";
import { ContentError, loadCourse, type TCourse } from "@/lib/content/load-course";

/** Far above a real course (a few hundred kB in some dozens of files), far below what would hurt the server. */
export const ZIP_LIMITS = { maxBytes: 20 * 1024 * 1024, maxFiles: 2000 } as const;

const ZIP = "(zip)";

/**
 * Reads and validates a course uploaded as a zip (as `exportCourseZip` makes it, or the content/ folder
 * zipped by hand). The files are unpacked into a fresh temporary folder named `content` and read with
 * `loadCourse`, so an upload is checked exactly like the repository's files; the folder is always removed.
 * Every refusal is a ContentError whose message names the file and the field, for the admin to fix.
 */
export async function readCourseFromZip(bytes: Uint8Array): Promise<TCourse> {
  const files = stripTopFolder(unzipChecked(bytes));
  if (!files.has("terms.yaml") || ![...files.keys()].some((name) => name.startsWith("modules/"))) {
    throw new ContentError(ZIP, "no course found: expected terms.yaml, sources/ and modules/ at the top of the zip or in one top folder");
  }
  const tmp = await mkdtemp(path.join(tmpdir(), "crosscheck-import-"));
  try {
    const root = path.join(tmp, "content");
    for (const [name, data] of files) {
      const target = path.join(root, ...name.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data);
    }
    return await loadCourse(root);
  } catch (error) {
    throw withoutFolder(error, tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * The zip's files by their safe relative path. The limits are checked on the sizes the zip declares,
 * before anything is inflated; fflate never inflates an entry past its declared size.
 */
function unzipChecked(bytes: Uint8Array): Map<string, Uint8Array> {
  let count = 0;
  let total = 0;
  const filter = (file: UnzipFileInfo) => {
    if (file.name.endsWith("/")) return false;
    count += 1;
    total += file.originalSize;
    if (count > ZIP_LIMITS.maxFiles) throw new ContentError(ZIP, `more than ${ZIP_LIMITS.maxFiles} files`);
    if (total > ZIP_LIMITS.maxBytes) throw new ContentError(ZIP, `more than ${ZIP_LIMITS.maxBytes / 1024 / 1024} MB once unpacked`);
    return true;
  };

  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new ContentError(ZIP, `not a readable zip file (${(error as Error).message})`);
  }

  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    const safe = safePath(name);
    if (safe !== null) files.set(safe, data);
  }
  return files;
}

/**
 * A zip entry's path as "a/b/c", or null for files that operating systems add (__MACOSX, .DS_Store).
 * Absolute paths and `..` are refused: an entry must never land outside the folder it is unpacked in.
 */
function safePath(name: string): string | null {
  const parts = name.split(/[\\/]/);
  if (name.startsWith("/") || name.startsWith("\\") || /^[a-zA-Z]:/.test(name) || parts.includes("..") || name.includes("\0")) {
    throw new ContentError(name, "refused: a path in the zip must stay inside its folder (no absolute paths, no ..)");
  }
  const kept = parts.filter((p) => p !== "" && p !== ".");
  const base = kept.at(-1) ?? "";
  if (kept.length === 0 || kept.includes("__MACOSX") || base === ".DS_Store" || base.startsWith("._")) return null;
  return kept.join("/");
}

/**
 * Accepts the course at the zip's root or inside one top folder (`content/`, as exported, or the folder
 * an author zipped under another name).
 */
function stripTopFolder(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const tops = new Set([...files.keys()].map((name) => name.split("/")[0]));
  const [top] = tops;
  if (tops.size !== 1 || top === undefined || files.has(top)) return files;
  return new Map([...files].map(([name, data]) => [name.slice(top.length + 1), data]));
}

/**
 * The error as a ContentError that does not mention the temporary folder (a missing module.yaml is reported
 * by the file system with its full path), so that the admin sees only paths inside their zip.
 */
function withoutFolder(error: unknown, folder: string): ContentError {
  const clean = (text: string) => text.replaceAll(`${folder}${path.sep}`, "").replaceAll(folder, "");
  if (error instanceof ContentError) {
    return error.message.includes(folder) ? new ContentError(error.file, clean(error.message.slice(error.file.length + 2))) : error;
  }
  return new ContentError(ZIP, `cannot read the course: ${clean(error instanceof Error ? error.message : String(error))}`);
}
