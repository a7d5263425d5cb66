import "server-only";
import { headers } from "next/headers";

/** The client's address as seen by the first proxy, or "local" when there is none. */
export async function getRequestAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}
