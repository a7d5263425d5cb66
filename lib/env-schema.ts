import { z } from "zod";

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;

/** The environment the server needs. Shared by the start script (fail fast) and the app (lib/env.ts). */
export const ZEnv = z.object({
  DATABASE_URL: z
    .string({ error: "is not set" })
    .regex(POSTGRES_URL, "must be a postgresql:// connection URL"),
  /** Optional read replicas (lib/db.ts `replica()`); unset or empty: every read goes to DATABASE_URL. */
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((list) => (list ?? "").split(",").map((url) => url.trim()).filter(Boolean))
    .refine((urls) => urls.every((url) => POSTGRES_URL.test(url)), "must be a comma-separated list of postgresql:// connection URLs"),
  AUTH_SECRET: z.string({ error: "is not set" }).min(32, "must be at least 32 characters long"),
  PORT: z.coerce.number({ error: "must be a number" }).int().min(1).max(65535).default(3000),
});
export type TEnv = z.infer<typeof ZEnv>;

/** Validates `source`; on failure returns one readable line naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): { env: TEnv } | { error: string } {
  const parsed = ZEnv.safeParse(source);
  if (parsed.success) return { env: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { error: `Configuration error: ${issue.path.join(".")} ${issue.message}.` };
}
