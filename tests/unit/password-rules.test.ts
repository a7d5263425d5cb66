import { describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { ZPassword } from "@/lib/auth/schemas";

describe("password rules", () => {
  it("accepts 8 characters and refuses 7", () => {
    expect(ZPassword.safeParse("abcdefgh").success).toBe(true);
    expect(ZPassword.safeParse("abcdefg").success).toBe(false);
  });

  it("accepts a long passphrase and checks every character of it (no truncation at 72 bytes)", async () => {
    const phrase = "correct horse battery staple, then a second sentence to pass seventy-two bytes easily, and more";
    expect(phrase.length).toBeGreaterThan(90);
    expect(ZPassword.safeParse(phrase).success).toBe(true);
    const hash = await hashPassword(phrase);
    expect(await verifyPassword(hash, phrase)).toBe(true);
    expect(await verifyPassword(hash, phrase.slice(0, 72))).toBe(false);
    expect(await verifyPassword(hash, `${phrase.slice(0, -1)}!`)).toBe(false);
  });

  it("refuses the most common passwords, whatever their case", () => {
    for (const common of ["password1", "qwertyuiop", "PASSWORD123", "iloveyou1"]) expect(isCommonPassword(common), common).toBe(true);
    for (const fine of ["a-long-password-1", "Tbilisi river at dawn", "crosscheck-demo-xyz"]) expect(isCommonPassword(fine), fine).toBe(false);
  });
});
