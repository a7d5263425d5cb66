import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requirePageUser("/admin", "ADMIN");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Administration</h1>
      <ul className="list-disc pl-6">
        <li>
          <Link href="/admin/users" className="text-accent underline">Users</Link>: search, change roles, disable accounts, make password reset links.
        </li>
        <li>
          <Link href="/admin/audit" className="text-accent underline">Audit log</Link>: every admin action, who, what, when, before and after.
        </li>
        <li>
          <Link href="/admin/content" className="text-accent underline">Content</Link>: sources, modules, lessons, exercises and
          questions; drafts, publishing, versions, the coverage report, import and export.
        </li>
      </ul>
    </div>
  );
}
