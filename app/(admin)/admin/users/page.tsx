import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { listUsersForAdmin } from "@/lib/users/queries";
import { setUserDisabledAction, setUserRoleAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageUser("/admin/users", "ADMIN");
  const users = await listUsersForAdmin(actor);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Users</h1>
      <p className="text-muted">Changing a role or disabling an account signs that person out at their next request.</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">All accounts</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Name</th>
              <th scope="col" className="p-2">Email or username</th>
              <th scope="col" className="p-2">Role</th>
              <th scope="col" className="p-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-slate-200">
                <td className="p-2">{u.name}</td>
                <td className="p-2">{u.email ?? u.username}</td>
                <td className="p-2">
                  {u.id === actor.id ? (
                    u.role.toLowerCase()
                  ) : (
                    <form action={setUserRoleAction} className="flex gap-2">
                      <input type="hidden" name="userId" value={u.id} />
                      <label className="sr-only" htmlFor={`role-${u.id}`}>Role of {u.name}</label>
                      <select id={`role-${u.id}`} name="role" defaultValue={u.role} className="rounded border border-slate-400 p-1">
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
                      <button type="submit" className="rounded border border-slate-400 px-2">
                        {u.disabledAt ? "Enable" : "Disable"}<span className="sr-only"> {u.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
