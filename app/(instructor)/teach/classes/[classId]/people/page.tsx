import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/form-field";
import { requirePageUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { formatJoinCode } from "@/lib/classes/join-code";
import { getTaughtClass } from "@/lib/classes/queries";
import { TableScroll } from "@/components/ui/table-scroll";
import {
  addCoInstructorAction,
  removeCoInstructorAction,
  removeStudentAction,
  setJoinCodeAction,
  updateClassAction,
} from "../../actions";

export const metadata: Metadata = { title: "Students and join code" };

export default async function PeoplePage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageUser(`/teach/classes/${classId}/people`, "INSTRUCTOR", "ADMIN");
  const klass = await orNotFound(getTaughtClass(user, classId));
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Students and join code</h1>

      <section aria-labelledby="code-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="code-heading" className="text-xl font-semibold">Join code</h2>
        {klass.joinCode ? (
          <>
            <p>
              Students sign in, then enter this code on their course page:{" "}
              <strong className="font-mono text-3xl tracking-widest" aria-label={`Join code ${klass.joinCode.split("").join(" ")}`}>
                {formatJoinCode(klass.joinCode)}
              </strong>
            </p>
            <div className="flex flex-wrap gap-4">
              <ActionForm action={setJoinCodeAction} submitLabel="Make a new code" variant="secondary" hidden={{ classId, enabled: "true" }} className="flex flex-col gap-2" />
              <ActionForm action={setJoinCodeAction} submitLabel="Turn joining off" variant="secondary" hidden={{ classId, enabled: "false" }} className="flex flex-col gap-2" />
            </div>
          </>
        ) : (
          <>
            <p>Joining by code is off: nobody new can join this class with a code.</p>
            <ActionForm action={setJoinCodeAction} submitLabel="Turn joining on with a new code" hidden={{ classId, enabled: "true" }} className="flex flex-col gap-2" />
          </>
        )}
      </section>

      <section aria-labelledby="students-heading" className="flex flex-col gap-3">
        <h2 id="students-heading" className="text-xl font-semibold">Students ({klass.members.length})</h2>
        <p className="text-sm text-muted">
          Pupils without email? <Link href={`/teach/classes/${classId}/accounts`} className="underline">Create accounts for them</Link>.
          Removing a student takes them out of this class; their own work is kept.
        </p>
        {klass.members.length > 0 && (
          <TableScroll>
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Students in {klass.name}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">Name</th>
                  <th scope="col" className="p-2">Email or username</th>
                  <th scope="col" className="p-2">Joined</th>
                  <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {klass.members.map(({ user: s, joinedAt }) => (
                  <tr key={s.id} className="border-b border-slate-200">
                    <td className="p-2">
                      <Link href={`/teach/classes/${classId}/students/${s.id}`} className="underline">{s.name}</Link>
                    </td>
                    <td className="p-2">
                      {s.email ?? s.username}
                      {s.createdElsewhere && (
                        <span className="block text-sm text-muted">
                          Account created by another class: ask its instructor or an admin for a new password.
                        </span>
                      )}
                    </td>
                    <td className="p-2">{joinedAt.toISOString().slice(0, 10)}</td>
                    <td className="p-2">
                      <details>
                        <summary className="cursor-pointer text-accent underline">Remove…<span className="sr-only"> {s.name}</span></summary>
                        <p className="my-2 max-w-xs text-sm">
                          {s.name} leaves this class&apos;s grid and assigned work, and their extensions here are deleted. Their
                          attempts stay theirs.
                        </p>
                        <ActionForm action={removeStudentAction} submitLabel={`Remove ${s.name}`} variant="danger" hidden={{ classId, userId: s.id }} className="flex flex-col gap-1" />
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="instructors-heading" className="flex max-w-2xl flex-col gap-3">
        <h2 id="instructors-heading" className="text-xl font-semibold">Instructors</h2>
        <ul className="flex flex-col gap-2">
          {klass.instructors.map(({ user: t, isOwner }) => (
            <li key={t.id} className="flex flex-wrap items-center gap-3">
              <span>
                {t.name} ({t.email}){isOwner ? " · owner" : " · co-instructor"}
              </span>
              {!isOwner && (
                <details>
                  <summary className="cursor-pointer text-accent underline">Remove…<span className="sr-only"> {t.name}</span></summary>
                  <p className="my-2 max-w-xs text-sm">{t.name} will no longer see this class or its students&apos; work.</p>
                  <ActionForm action={removeCoInstructorAction} submitLabel={`Remove ${t.name}`} variant="danger" hidden={{ classId, userId: t.id }} className="flex flex-col gap-1" />
                </details>
              )}
            </li>
          ))}
        </ul>
        <ActionForm action={addCoInstructorAction} submitLabel="Add co-instructor" hidden={{ classId }}>
          <FormField label="Co-instructor's email" name="email" type="email" autoComplete="off" required />
        </ActionForm>
      </section>

      <section aria-labelledby="details-heading" className="flex max-w-md flex-col gap-3">
        <h2 id="details-heading" className="text-xl font-semibold">Class details</h2>
        <ActionForm action={updateClassAction} submitLabel="Save details" hidden={{ classId }}>
          <FormField label="Class name" name="name" defaultValue={klass.name} required maxLength={100} />
          <FormField label="Term" name="term" defaultValue={klass.term} required maxLength={60} />
        </ActionForm>
      </section>
    </div>
  );
}
