import "server-only";
import { parseEnv, type TEnv } from "./env-schema";

let cached: TEnv | undefined;

/** The validated environment; throws one readable line naming the variable when it is missing or malformed. */
export function env(): TEnv {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if ("error" in result) throw new Error(result.error);
  cached = result.env;
  return cached;
}
