import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runFormAction } from "@/lib/form-action";
import { NUL_MESSAGE, nulFieldErrors, nulPathOf } from "@/lib/plain-text";
import { ANSWER_TOO_DEEP_MESSAGE, ZSaveAnswerInput, ZSubmitAttemptInput } from "@/lib/attempts/schemas";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

describe("NUL characters, which Postgres cannot store, are found before any query", () => {
  it("names the form fields holding one, hidden $ fields by their name without the $", () => {
    expect(nulFieldErrors(form({ name: "Class\u0000A", term: "Autumn", $module: "a\u0000" }))).toEqual({ name: NUL_MESSAGE, module: NUL_MESSAGE });
    expect(nulFieldErrors(form({ name: "Class A", term: "U+FFFD \ufffd is fine" }))).toBeNull();
  });

  it("finds one anywhere in a JSON argument, with its path", () => {
    expect(nulPathOf({ sourceSlug: "a", axes: [{ explanation: "ok" }, { explanation: "b\u0000" }] })).toBe("axes.1.explanation");
    expect(nulPathOf({ ["key\u0000"]: "value" })).toBe("form");
    expect(nulPathOf("\u0000")).toBe("form");
    expect(nulPathOf({ passages: ["fine"], n: 1, flag: true, nothing: null })).toBeNull();
    expect(nulPathOf(form({ a: "x", b: "y\u0000" }))).toBe("b");
  });

  it("runFormAction refuses the form with the field's message and what was typed, and never runs the action", async () => {
    let ran = false;
    const state = await runFormAction(form({ name: "Class\u0000A", term: "Autumn" }), z.object({ name: z.string(), term: z.string() }), async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    expect(state).toEqual({ fieldErrors: { name: NUL_MESSAGE }, error: "Please correct the fields marked below.", values: { name: "Class\u0000A", term: "Autumn" } });
  });
});

describe("deeply nested JSON (issue 15: 7,000 arrays deep overflowed the stack and answered 500)", () => {
  const nested = (depth: number, inner: unknown = []) => {
    let value: unknown = inner;
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it("the NUL walk goes through a value nested 100,000 deep without overflowing, and still names the path", () => {
    expect(nulPathOf({ value: nested(100_000) })).toBeNull();
    const found = nulPathOf({ value: nested(7_000, "x\u0000") });
    expect(found?.startsWith("value.0.0.")).toBe(true);
    expect(found?.split(".")).toHaveLength(7_001);
  });

  it("an answer nested deeper than any question needs is refused by the save and submit schemas, with a message", () => {
    const save = ZSaveAnswerInput.safeParse({ attemptId: "a", questionId: "q1", value: nested(7_000), answeredAt: new Date() });
    expect(save.success).toBe(false);
    expect(save.error?.issues[0]?.message).toBe(ANSWER_TOO_DEEP_MESSAGE);
    const submit = ZSubmitAttemptInput.safeParse({ attemptId: "a", answers: [{ questionId: "q1", value: { selected: nested(20) }, answeredAt: new Date() }] });
    expect(submit.success).toBe(false);
    // Every real answer shape still passes.
    const grid = { cells: { claim1: { "source-a": "supports" } } };
    expect(ZSaveAnswerInput.safeParse({ attemptId: "a", questionId: "q1", value: grid, answeredAt: new Date() }).success).toBe(true);
    expect(ZSaveAnswerInput.safeParse({ attemptId: "a", questionId: "q1", value: { ranges: [[1, 5]] }, answeredAt: new Date() }).success).toBe(true);
  });

  it("an answer with too many parts is refused too", () => {
    const wide = { selected: Array.from({ length: 30_000 }, () => "a") };
    expect(ZSaveAnswerInput.safeParse({ attemptId: "a", questionId: "q1", value: wide, answeredAt: new Date() }).success).toBe(false);
  });
});
