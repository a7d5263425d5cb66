import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Who is signed in, for the header of cached pages; 401 when the session is missing or ended. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ ok: false }, { status: 401, headers: { "cache-control": "no-store" } });
  return Response.json({ ok: true, user: { name: user.name, role: user.role } }, { headers: { "cache-control": "no-store" } });
}
