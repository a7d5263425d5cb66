import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseToFiles, readCourseFromDb } from "@/lib/authoring/export-course";
import { importCourseForAdmin } from "@/lib/authoring/transfer";
import { FieldsError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { createUser, db } from "./helpers";

/** What an admin might be sent by a colleague: an export of this course with one file changed or added. */
function courseZip(files: Map<string, string>, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ ...Object.fromEntries([...files].map(([name, text]) => [`content/${name}`, strToU8(text)])), ...extra });
}

async function refusal(promise: Promise<unknown>): Promise<FieldsError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FieldsError);
  return error as FieldsError;
}

/**
 * Sets the sizes an entry declares (local header and central directory) to `declared`, as a hostile zip
 * would: the data stays what it is. fflate writes no data descriptors, so the sizes sit at fixed offsets.
 */
function lieAboutSize(zip: Uint8Array, entryName: string, declared: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = strToU8(entryName);
  const matchesAt = (at: number) => name.every((byte, i) => out[at + i] === byte);
  let patched = 0;
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && view.getUint16(i + 26, true) === name.length && matchesAt(i + 30)) {
      view.setUint32(i + 22, declared, true);
      patched++;
    } else if (signature === 0x02014b50 && view.getUint16(i + 28, true) === name.length && matchesAt(i + 46)) {
      view.setUint32(i + 24, declared, true);
      patched++;
    }
  }
  expect(patched).toBe(2);
  return out;
}

describe("an imported course zip is data, never code", () => {
  let admin: TCurrentUser;
  let files: Map<string, string>;
  const marker = path.join(tmpdir(), `crosscheck-pwned-${randomBytes(6).toString("hex")}`);

  beforeAll(async () => {
    admin = await createUser("ADMIN");
    files = courseToFiles(await readCourseFromDb(db));
  });
  afterAll(() => rm(marker, { force: true }));

  it("refuses a source whose front matter opens with ---js, and runs none of it", async () => {
    const sourceFile = [...files.keys()].find((f) => f.startsWith("sources/"))!;
    const body = files.get(sourceFile)!.split("\n---\n").slice(1).join("\n---\n");
    // gray-matter evaluated this: the file would appear, and the object would be read as the front matter.
    const hostile = `---js\n{ slug: (process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker)}, "pwned"), "x") }\n---\n${body}`;
    const sourcesBefore = await db.source.count();

    const error = await refusal(importCourseForAdmin(admin, courseZip(new Map(files).set(sourceFile, hostile)), "shared.zip"));

    expect(existsSync(marker), "the zip's code ran on the server").toBe(false);
    expect(error.message).toBe("The course was not imported: nothing was changed.");
    expect(error.fields.file).toBe(
      `content/${sourceFile}: cannot read frontmatter: the first line must be exactly "---" (found "---js"): front matter is read as YAML only, never as code`,
    );
    expect(await db.source.count()).toBe(sourcesBefore);
  });

  it("refuses YAML tags that other parsers turn into code or objects", async () => {
    const lessonFile = [...files.keys()].find((f) => f.includes("/lessons/"))!;
    const hostile = files.get(lessonFile)!.replace(/^title: .*$/m, `title: !!js/function "function () { return 1 }"`);
    const error = await refusal(importCourseForAdmin(admin, courseZip(new Map(files).set(lessonFile, hostile)), "shared.zip"));
    expect(error.fields.file).toMatch(new RegExp(`^content/${lessonFile}: `));
  });

  it("stops inflating an entry that unpacks to more than it declares (a zip bomb), and imports nothing", async () => {
    const bombName = "content/notes/readme.txt";
    // 64 MB of zeros deflate to about 64 kB; the zip then says the file holds 10 bytes.
    const honest = courseZip(files, { [bombName]: new Uint8Array(64 * 1024 * 1024) });
    const bomb = lieAboutSize(honest, bombName, 10);
    expect(bomb.byteLength).toBeLessThan(honest.byteLength + 1);
    const auditBefore = await db.auditEvent.count({ where: { action: "course.import" } });

    const error = await refusal(importCourseForAdmin(admin, bomb, "bomb.zip"));

    expect(error.fields.file).toBe(`${bombName}: refused: it unpacks to more bytes than the zip says it holds (a damaged or hostile zip)`);
    expect(await db.auditEvent.count({ where: { action: "course.import" } })).toBe(auditBefore);
  });

  it("still imports the same course when nothing in it is hostile", async () => {
    const result = await importCourseForAdmin(admin, courseZip(files), "honest.zip");
    expect(result.sources).toBe(await db.source.count());
    expect(result.newVersions).toBe(0);
  });
});
