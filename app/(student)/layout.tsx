import { AreaHeader } from "@/components/layout/area-header";
import { requirePageUser } from "@/lib/auth/session";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("/learn", "STUDENT", "INSTRUCTOR", "ADMIN");
  return (
    <>
      <AreaHeader user={user} />
      <main id="main" className="mx-auto max-w-5xl p-4 sm:p-8">
        {children}
      </main>
    </>
  );
}
