import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { listTaughtClasses } from "@/lib/classes/queries";
import { formatJoinCode } from "@/lib/classes/join-code";

export const metadata: Metadata = { title: "Your classes" };

export default async function TeachPage() {
  const user = await requirePageUser("/teach", "INSTRUCTOR", "ADMIN");
  const classes = await listTaughtClasses(user);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Your classes</h1>
        <Link href="/teach/classes/new" className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
          New class
        </Link>
      </div>
      {classes.length === 0 ? (
        <p>
          You have no classes yet. Create one, give your students its join code, then assign modules or single quizzes with due
          dates. You can preview the whole course as a learner from “Course preview”.
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {classes.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-semibold wrap-anywhere">
                <Link href={`/teach/classes/${c.id}`} className="hover:underline">
                  {c.name}
                </Link>
              </h2>
              <p className="text-muted wrap-anywhere">{c.term}</p>
              <p className="mt-2 text-sm">
                {c._count.members} {c._count.members === 1 ? "student" : "students"} · {c._count.assignments}{" "}
                {c._count.assignments === 1 ? "assignment" : "assignments"} · join code{" "}
                {c.joinCode ? <code className="font-semibold">{formatJoinCode(c.joinCode)}</code> : "off"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
