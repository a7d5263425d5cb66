import { AreaHeader } from "@/components/layout/area-header";
import { requirePageUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";

/** A signed-in area: checks the session and role (403 otherwise), then the role's header and the page. */
export async function RoleArea({ path, roles, children }: { path: string; roles: Role[]; children: React.ReactNode }) {
  const user = await requirePageUser(path, ...roles);
  return (
    <>
      <AreaHeader user={user} />
      <main id="main" className="mx-auto max-w-5xl p-4 sm:p-8">
        {children}
      </main>
    </>
  );
}
