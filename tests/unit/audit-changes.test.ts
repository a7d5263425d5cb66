import { describe, expect, it } from "vitest";
import { describeChanges } from "@/lib/audit/changes";

describe("describeChanges: what the audit log shows of a change", () => {
  it("lists only the leaves that changed, by path", () => {
    const before = { version: 1, definition: { title: "Quiz", questions: [{ id: "q1", answer: ["a"] }, { id: "q2", answer: ["c"] }] } };
    const after = { version: 2, definition: { title: "Quiz", questions: [{ id: "q1", answer: ["a"] }, { id: "q2", answer: ["d"] }] } };
    expect(describeChanges(before, after)).toEqual([
      { path: "version", kind: "value", before: "1", after: "2" },
      { path: "definition.questions.1.answer.0", kind: "value", before: "c", after: "d" },
    ]);
  });

  it("shows a long text as the lines removed and added, not the whole text twice", () => {
    const body = Array.from({ length: 30 }, (_, i) => `Line ${i} of the lesson.`).join("\n");
    const changes = describeChanges({ body }, { body: body.replace("Line 7 of the lesson.", "Line 7, corrected.") });
    expect(changes).toEqual([
      { path: "body", kind: "text", lines: [{ op: "remove", text: "Line 7 of the lesson." }, { op: "add", text: "Line 7, corrected." }] },
    ]);
  });

  it("names fields that appear or disappear, and shortens huge values", () => {
    const changes = describeChanges({ status: "DRAFT" }, { status: "PUBLISHED", note: "x".repeat(1000) });
    expect(changes[0]).toEqual({ path: "status", kind: "value", before: "DRAFT", after: "PUBLISHED" });
    expect(changes[1]).toMatchObject({ path: "note", kind: "value", before: null });
    expect((changes[1] as { after: string }).after.length).toBe(300);
  });

  it("reports nothing when nothing changed", () => {
    expect(describeChanges({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});
