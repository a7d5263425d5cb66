import type { Metadata } from "next";
import { AccountsForm } from "@/components/teach/accounts-form";
import { getRequestOrigin } from "@/lib/auth/request-address";
import { requirePageUser } from "@/lib/auth/session";
import { getTaughtClassName } from "@/lib/classes/queries";
import { listStudentAccounts } from "@/lib/classes/student-accounts";
import { orNotFound } from "@/lib/not-found";
import { createStudentAccountsAction, resetStudentPasswordAction } from "../../actions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Accounts without email" };

export default async function AccountsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageUser(`/teach/classes/${classId}/accounts`, "INSTRUCTOR", "ADMIN");
  const [klass, { accounts, createdElsewhere }, origin] = await Promise.all([
    orNotFound(getTaughtClassName(user, classId)),
    listStudentAccounts(user, classId),
    getRequestOrigin(),
  ]);
  const loginUrl = `${origin}/login`;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2 print:hidden">
        <h1 className="text-2xl font-semibold">Accounts without email</h1>
        <p className="max-w-prose text-muted">
          For pupils who have no email address: Crosscheck makes each one a username and a one-time password, and adds
          them to this class. You print the slips; each pupil signs in with them and then chooses their own password.
          Nothing is sent anywhere.
        </p>
      </div>

      <section aria-labelledby="create-heading" className="flex flex-col gap-3">
        <h2 id="create-heading" className="text-xl font-semibold print:hidden">Create accounts</h2>
        <AccountsForm
          action={createStudentAccountsAction}
          submitLabel="Create accounts"
          pendingLabel="Creating accounts…"
          hidden={{ classId }}
          names
          loginUrl={loginUrl}
          className={klass.name}
        />
      </section>

      <section aria-labelledby="existing-heading" className="flex flex-col gap-3 print:hidden">
        <h2 id="existing-heading" className="text-xl font-semibold">Accounts in this class ({accounts.length})</h2>
        {accounts.length === 0 ? (
          <p>No pupil in this class has an account without email yet.</p>
        ) : (
          <>
            <p className="text-sm text-muted">
              A pupil who lost their password gets a new one-time password here; it signs them out everywhere.
            </p>
            <TableScroll>
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">Accounts without email in {klass.name}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="p-2">Name</th>
                    <th scope="col" className="p-2">Username</th>
                    <th scope="col" className="p-2">Password</th>
                    <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {accounts.map((a) => (
                    <tr key={a.id} className="border-b border-slate-200 align-top">
                      <td className="p-2">{a.name}</td>
                      <td className="p-2 font-mono">{a.username}</td>
                      <td className="p-2">{a.mustChangePassword ? "Not signed in yet (one-time password)" : "Chosen by the pupil"}</td>
                      <td className="p-2">
                        <AccountsForm
                          action={resetStudentPasswordAction}
                          submitLabel={`New one-time password for ${a.name}`}
                          pendingLabel="Making…"
                          hidden={{ classId, userId: a.id }}
                          loginUrl={loginUrl}
                          className={klass.name}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </section>

      {createdElsewhere.length > 0 && (
        <section aria-labelledby="elsewhere-heading" className="flex flex-col gap-3 print:hidden">
          <h2 id="elsewhere-heading" className="text-xl font-semibold">Created by another class ({createdElsewhere.length})</h2>
          <p className="max-w-prose text-sm text-muted">
            These pupils joined this class with its code; their accounts were created by another class. Only that
            class&apos;s instructors can give them a new one-time password here, so ask them, or an admin, who can make a
            password reset link.
          </p>
          <ul className="flex flex-col gap-1">
            {createdElsewhere.map((a) => (
              <li key={a.id}>
                {a.name} (<span className="font-mono">{a.username}</span>)
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
