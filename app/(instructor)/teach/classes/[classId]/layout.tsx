import { ClassNav } from "@/components/teach/class-nav";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { requirePageUser } from "@/lib/auth/session";
import { getTaughtClassName } from "@/lib/classes/queries";
import { orNotFound } from "@/lib/not-found";

/** Every page of one class: checks the caller teaches it (404 otherwise), then its name and sections. */
export default async function ClassLayout({ params, children }: { params: Promise<{ classId: string }>; children: React.ReactNode }) {
  const { classId } = await params;
  const user = await requirePageUser(`/teach/classes/${classId}`, "INSTRUCTOR", "ADMIN");
  const klass = await orNotFound(getTaughtClassName(user, classId));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Breadcrumbs items={[{ href: "/teach", label: "Your classes" }]} />
        <p className="font-serif text-2xl font-bold wrap-anywhere">
          {klass.name} <span className="text-base font-normal text-muted">· {klass.term}</span>
        </p>
        <ClassNav classId={classId} />
      </div>
      {children}
    </div>
  );
}
