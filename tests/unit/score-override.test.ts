import { describe, expect, it } from "vitest";
import { ZGradeInput } from "@/lib/assignments/schemas";

const parse = (overrideScore: string) => ZGradeInput.safeParse({ assignmentId: "a1", studentId: "s1", overrideScore, comment: "" });
const score = (v: string) => {
  const r = parse(v);
  return r.success ? r.data.overrideScore : r.error.issues.map((i) => i.message);
};
const REFUSED = ["Give a score from 0 to 100 as a plain number (like 85 or 92.5), or leave it empty."];

describe("a score override", () => {
  it("takes a plain number from 0 to 100, with a decimal point or comma; empty means no override", () => {
    expect(score("85")).toBe(85);
    expect(score("92.5")).toBe(92.5);
    expect(score("92,5")).toBe(92.5);
    expect(score(" 0 ")).toBe(0);
    expect(score("100")).toBe(100);
    expect(score("")).toBeNull();
  });

  it("refuses hexadecimal, exponents, signs and anything outside 0–100, with a message on the field", () => {
    for (const v of ["0x10", "1e1", "0b1", "0o7", "+5", "-0", "-1", "100.5", "101", "Infinity", "NaN", ".5", "5.", "1 0", "٥"]) {
      expect(score(v), v).toEqual(REFUSED);
    }
  });
});
