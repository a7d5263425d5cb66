import { randomInt } from "node:crypto";
import { customAlphabet } from "nanoid";
import { AppError } from "@/lib/errors";

// No 0/o, 1/i/l or u/v, lower case only: pupils copy these from paper, often on a tablet keyboard.
const PASSWORD_ALPHABET = "23456789abcdefghjkmnpqrstwxyz";
const passwordGroup = customAlphabet(PASSWORD_ALPHABET, 4);

/** A one-time password such as "h7k4-m9pw-3rtx": 12 random characters from 29, about 58 bits. */
export function generateOneTimePassword(): string {
  return [passwordGroup(), passwordGroup(), passwordGroup()].join("-");
}

// Latin letters that NFKD does not split into a base letter and a mark.
const FOLD: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ə: "e", ı: "i", ħ: "h" };

/** A word as lower-case ASCII letters and digits ("Bəxtiyar" → "bextiyar", "Анна" → ""). */
function toAscii(word: string): string {
  return word
    .toLowerCase()
    .replace(/[ßæœøłđðþəıħ]/g, (c) => FOLD[c] ?? "")
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "");
}

const STEM_MAX = 29; // leaves room for three digits within ZUsername's 32 characters

/**
 * The letters of a username: given name + first letter of the family name ("Petrosyan, Anahit" and
 * "Anahit Petrosyan" both give "anahitp"), or "student" when the name has no Latin letters.
 */
export function usernameStem(name: string): string {
  const [before, after] = name.split(",", 2).map((part) => part.trim().split(/\s+/).filter(Boolean));
  // "Family, Given" when there is a comma; otherwise "Given ... Family".
  const [givenWords, familyWords] = after?.length ? [after, before ?? []] : [before ?? [], (before ?? []).slice(1)];
  const given = toAscii(givenWords[0] ?? "");
  const initial = toAscii(familyWords.at(-1) ?? "").slice(0, 1);
  const stem = given ? `${given.slice(0, STEM_MAX - 1)}${initial}` : toAscii(familyWords.at(-1) ?? "").slice(0, STEM_MAX);
  return stem || "student";
}

/** A stem plus 2 random digits, or 3 when those are taken (4 after that, so it never gives up). */
export function pickUsername(stem: string, taken: Set<string>): string {
  for (const [digits, tries] of [[2, 30], [3, 100], [4, 1000]] as const) {
    for (let i = 0; i < tries; i++) {
      const candidate = `${stem}${randomInt(10 ** (digits - 1), 10 ** digits)}`;
      if (!taken.has(candidate)) return candidate;
    }
  }
  throw new AppError("CONFLICT", "Could not find a free username; please try again.");
}
