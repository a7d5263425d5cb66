import { describe, expect, it } from "vitest";
import { ZUsername } from "@/lib/auth/schemas";
import { generateOneTimePassword, pickUsername, usernameStem } from "@/lib/classes/usernames";

describe("usernames for pupils without email", () => {
  it.each([
    ["Anahit Petrosyan", "anahitp"],
    ["Petrosyan, Anahit", "anahitp"],
    ["Əliyev Bəxtiyar", "eliyevb"],
    ["Zoë Ødegaard-Łukasz", "zoeo"],
    ["Jean-Luc Picard", "jeanlucp"],
    ["Madonna", "madonna"],
    ["Анна Иванова", "student"],
    ["   ", "student"],
  ])("%s → %s", (name, stem) => {
    expect(usernameStem(name)).toBe(stem);
  });

  it("a long name still gives a valid username", () => {
    const username = pickUsername(usernameStem(`${"Maximilian".repeat(5)} Mustermann`), new Set());
    expect(ZUsername.safeParse(username).success).toBe(true);
    expect(username.length).toBeLessThanOrEqual(32);
  });

  it("picks a free username, with more digits once the short ones run out", () => {
    const taken = new Set(Array.from({ length: 90 }, (_, i) => `anna${i + 10}`));
    const username = pickUsername("anna", taken);
    expect(taken.has(username)).toBe(false);
    expect(username).toMatch(/^anna\d{3}$/);
  });

  it("one-time passwords are long enough to be accepted, and avoid characters that read alike", () => {
    const passwords = Array.from({ length: 200 }, generateOneTimePassword);
    expect(new Set(passwords).size).toBe(200);
    for (const p of passwords) {
      expect(p).toMatch(/^[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}$/);
      expect(p).not.toMatch(/[01ilouv]/);
    }
  });
});
