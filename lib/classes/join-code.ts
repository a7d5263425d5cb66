import { customAlphabet } from "nanoid";

// No 0/O, 1/I/L or U/V: codes are read aloud and copied from a board.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
export const JOIN_CODE_LENGTH = 6;

/** A fresh join code: 6 characters from 29, about 590 million codes. */
export const generateJoinCode = customAlphabet(ALPHABET, JOIN_CODE_LENGTH);

/** What a student typed, as stored: upper case, without spaces or dashes ("k7m-q2p" → "K7MQ2P"). */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** Shown in two halves ("K7M-Q2P") so it is easy to read out. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}
