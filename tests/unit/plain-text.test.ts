import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runFormAction } from "@/lib/form-action";
import { NUL_MESSAGE, nulFieldErrors, nulPathOf } from "@/lib/plain-text";

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
