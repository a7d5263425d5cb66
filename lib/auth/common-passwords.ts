import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

let common: Set<string> | null = null;

/**
 * True for one of the ~18,000 most common passwords of 8 characters or more (zxcvbn's list, compared
 * without case). Server-side only: the list stays out of the browser bundle.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).filter((p) => p.length >= 8).map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE = "This is one of the most common passwords, so it is the first an attacker tries. Choose another.";
