// NOTE: no `import "server-only"`: its default export throws outside a React Server bundle, and this file
// also runs in plain Node from scripts and tests (tsx, vitest). Nothing here is meant for the browser.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import yauzl, { type Entry, type ZipFile } from "yauzl";
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
  const files = stripTopFolder(await unzipChecked(bytes));
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
 * The zip's files by their safe relative path. The limits are checked twice: on the sizes the zip's
 * central directory declares, before anything is inflated, and on the bytes really inflated, which yauzl
 * counts as it streams each entry (`validateEntrySizes`) and stops at the first byte past the declared
 * size. So a small zip that lies about its sizes (a zip bomb) is refused after at most `maxBytes` of
 * output, and the inflating never blocks the server: it runs in zlib's stream, chunk by chunk.
 */
async function unzipChecked(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true }, (error, zipfile) =>
        error ? reject(error) : resolve(zipfile),
      ),
    );
  } catch (error) {
    throw new ContentError(ZIP, `not a readable zip file (${(error as Error).message})`);
  }
  if (zip.entryCount > ZIP_LIMITS.maxFiles) {
    zip.close();
    throw new ContentError(ZIP, `more than ${ZIP_LIMITS.maxFiles} files`);
  }

  const files = new Map<string, Uint8Array>();
  let declared = 0;
  try {
    for await (const entry of entriesOf(zip)) {
      if (entry.fileName.endsWith("/")) continue;
      declared += entry.uncompressedSize;
      if (declared > ZIP_LIMITS.maxBytes) throw new ContentError(ZIP, `more than ${ZIP_LIMITS.maxBytes / 1024 / 1024} MB once unpacked`);
      const safe = safePath(entry.fileName);
      const data = await readEntry(zip, entry);
      if (safe !== null) files.set(safe, data);
    }
  } finally {
    zip.close();
  }
  return files;
}

/** The zip's entries one at a time (yauzl's lazy mode), with its errors as ContentErrors. */
async function* entriesOf(zip: ZipFile): AsyncGenerator<Entry> {
  while (true) {
    const next = await new Promise<Entry | null>((resolve, reject) => {
      const cleanup = () => zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
      zip.once("entry", (entry: Entry) => (cleanup(), resolve(entry)));
      zip.once("end", () => (cleanup(), resolve(null)));
      zip.once("error", (error: Error) => (cleanup(), reject(zipError(error))));
      zip.readEntry();
    });
    if (next === null) return;
    yield next;
  }
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(zipError(error, entry.fileName));
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (streamError: Error) => {
        stream.destroy();
        reject(zipError(streamError, entry.fileName));
      });
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * yauzl's refusals in the admin's words. NOTE: yauzl checks entry names itself before we see them (the
 * same rules as `safePath`); its messages are matched here, to check at a yauzl upgrade.
 */
function zipError(error: Error, fileName?: string): ContentError {
  const unsafe = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(error.message);
  if (unsafe) return unsafePath(unsafe[1]!);
  if (fileName && /too many bytes/.test(error.message)) {
    return new ContentError(fileName, "refused: it unpacks to more bytes than the zip says it holds (a damaged or hostile zip)");
  }
  return new ContentError(fileName ?? ZIP, `not a readable zip file (${error.message})`);
}

function unsafePath(name: string): ContentError {
  return new ContentError(name, "refused: a path in the zip must stay inside its folder (no absolute paths, no ..)");
}

/**
 * A zip entry's path as "a/b/c", or null for files that operating systems add (__MACOSX, .DS_Store).
 * Absolute paths and `..` are refused: an entry must never land outside the folder it is unpacked in.
 */
function safePath(name: string): string | null {
  const parts = name.split(/[\\/]/);
  if (name.startsWith("/") || name.startsWith("\\") || /^[a-zA-Z]:/.test(name) || parts.includes("..") || name.includes("\0")) {
    throw unsafePath(name);
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
