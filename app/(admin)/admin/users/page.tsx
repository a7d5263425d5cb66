import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { requirePageUser } from "@/lib/auth/session";
import { listUsersForAdmin, ZUserFilter, type TUserFilter } from "@/lib/users/queries";
import { createResetLinkAction, setUserDisabledAction, setUserRoleAction } from "./actions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Users" };

const pageHref = (filter: TUserFilter, page: number) =>
  `/admin/users?${new URLSearchParams({ ...(filter.q && { q: filter.q }), ...(filter.role !== "ALL" && { role: filter.role }), page: String(page) })}`;

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser("/admin/users", "ADMIN");
  const filter = ZUserFilter.parse(await searchParams);
  const { users, total, pages } = await listUsersForAdmin(actor, filter);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Users</h1>
      <p className="text-muted">
        Changing a role or disabling an account signs that person out at their next request. Every change is in the{" "}
        <Link href="/admin/audit" className="underline">audit log</Link>.
      </p>
      <form method="get" action="/admin/users" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="users-q" className="text-sm font-medium">Name, email or username</label>
          <input id="users-q" name="q" defaultValue={filter.q} className="min-h-11 rounded-md border border-slate-500 px-3" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="users-role" className="text-sm font-medium">Role</label>
          <select id="users-role" name="role" defaultValue={filter.role} className="min-h-11 rounded-md border border-slate-500 bg-white px-3">
            <option value="ALL">All roles</option>
            <option value="STUDENT">Students</option>
            <option value="INSTRUCTOR">Instructors</option>
            <option value="ADMIN">Admins</option>
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-md border border-slate-400 bg-white px-4 hover:bg-slate-100">Search</button>
      </form>
      <p role="status" className="text-sm">
        {total} {total === 1 ? "account" : "accounts"} found{pages > 1 && ` · page ${filter.page} of ${pages}`}
      </p>
      <TableScroll>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Accounts</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Name</th>
              <th scope="col" className="p-2">Email or username</th>
              <th scope="col" className="p-2">Role</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Password</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-slate-200 align-top">
                <td className="p-2">{u.name}</td>
                <td className="p-2">{u.email ?? u.username}</td>
                <td className="p-2">
                  {u.id === actor.id ? (
                    u.role.toLowerCase()
                  ) : (
                    <form action={setUserRoleAction} className="flex gap-2">
                      <input type="hidden" name="userId" value={u.id} />
                      <label className="sr-only" htmlFor={`role-${u.id}`}>Role of {u.name}</label>
                      {/* NOTE: keyed on the stored role, so React's reset after saving shows the new role (see useSelectDefault). */}
                      <select key={u.role} id={`role-${u.id}`} name="role" defaultValue={u.role} className="rounded border border-slate-400 p-1">
                        <option value="STUDENT">student</option>
                        <option value="INSTRUCTOR">instructor</option>
                        <option value="ADMIN">admin</option>
                      </select>
                      <button type="submit" className="rounded border border-slate-400 px-2">Save role<span className="sr-only"> for {u.name}</span></button>
                    </form>
                  )}
                </td>
                <td className="p-2">
                  {u.id === actor.id ? (
                    "you"
                  ) : (
                    <form action={setUserDisabledAction}>
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="disabled" value={u.disabledAt ? "false" : "true"} />
                      <span className="mr-2">{u.disabledAt ? "disabled" : "active"}</span>
                      {u.disabledAt ? (
                        <button type="submit" className="rounded border border-slate-400 px-2">
                          Enable<span className="sr-only"> {u.name}</span>
                        </button>
                      ) : (
                        // Disabling signs the user out everywhere at once: asked for twice, like every removal.
                        <details className="inline-block align-top">
                          <summary className="cursor-pointer text-accent underline">Disable…<span className="sr-only"> {u.name}</span></summary>
                          <p className="my-1 max-w-48 text-xs">Signs them out everywhere now; they cannot sign in until enabled again.</p>
                          <button type="submit" className="rounded border border-red-700 px-2 text-red-800">
                            Disable<span className="sr-only"> {u.name}</span>
                          </button>
                        </details>
                      )}
                    </form>
                  )}
                </td>
                <td className="max-w-xs p-2 text-sm break-all">
                  {u.id !== actor.id && (
                    <ActionForm action={createResetLinkAction} submitLabel="Reset link" pendingLabel="Making…" variant="secondary" hidden={{ userId: u.id }} className="flex flex-col gap-1" />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-4">
          {filter.page > 1 && <Link href={pageHref(filter, filter.page - 1)} className="underline">Previous page</Link>}
          {filter.page < pages && <Link href={pageHref(filter, filter.page + 1)} className="underline">Next page</Link>}
        </nav>
      )}
    </div>
  );
}
