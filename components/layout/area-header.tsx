import Link from "next/link";
import { SignOutButton } from "./sign-out-button";
import type { Role } from "@/lib/generated/prisma/enums";

const NAV = {
  STUDENT: [{ href: "/learn", label: "My course" }],
  INSTRUCTOR: [
    { href: "/teach", label: "My classes" },
    { href: "/learn", label: "Course preview" },
  ],
  ADMIN: [
    { href: "/admin", label: "Admin" },
    { href: "/admin/content", label: "Content" },
    { href: "/admin/users", label: "Users" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/teach", label: "Teach" },
    { href: "/learn", label: "Course" },
  ],
} as const;

/**
 * The header of every signed-in area: the navigation the user's role needs and a sign-out button.
 * `user` is null only while a cached page is still asking who is signed in.
 * NOTE: its height must not change when `user` arrives (a cached page's header fills in after load, and
 * a taller header would push the lesson down: layout shift). So on a phone the name and sign-out have a
 * row of their own whether or not the name is known yet, the name is cut to fit rather than wrapping,
 * and each row's height is set by the sign-out button and the brand, not by what the user adds.
 */
export function AreaHeader({ user }: { user: { name: string; role: Role } | null }) {
  // Until a cached page knows who is signed in, it shows no role links rather than the wrong ones.
  const nav = user ? NAV[user.role] : [];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 p-4">
        <Link href={nav[0]?.href ?? "/learn"} className="font-serif text-xl font-bold">
          Crosscheck
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-4">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex w-full min-w-0 items-center justify-between gap-3 sm:w-auto sm:justify-end">
          {user ? (
            <span className="flex min-w-0 items-center gap-1 text-sm text-muted">
              <span className="sr-only">Signed in as </span>
              <span className="truncate">{user.name}</span>
              <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-xs uppercase">{user.role.toLowerCase()}</span>
            </span>
          ) : (
            <span />
          )}
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
