"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The sections of a class, with the current one marked for screen readers. */
export function ClassNav({ classId }: { classId: string }) {
  const pathname = usePathname();
  const base = `/teach/classes/${classId}`;
  const links = [
    { href: base, label: "Progress" },
    { href: `${base}/assignments`, label: "Assignments" },
    { href: `${base}/analysis`, label: "Item analysis" },
    { href: `${base}/heatmap`, label: "Evidence heatmap" },
    { href: `${base}/people`, label: "Students and join code" },
    { href: `${base}/accounts`, label: "Accounts without email" },
  ];
  return (
    <nav aria-label="Class sections" className="border-b border-slate-200">
      <ul className="flex flex-wrap gap-x-5 gap-y-1">
        {links.map((l) => {
          const current = l.href === base ? pathname === base : pathname.startsWith(l.href);
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={current ? "page" : undefined}
                className="inline-block border-b-2 border-transparent py-2 hover:underline aria-[current=page]:border-accent aria-[current=page]:font-semibold"
              >
                {l.label}
              </Link>
            </li>
          );
        })}
        <li>
          <a href={`${base}/gradebook.csv`} className="inline-block py-2 hover:underline" download>
            Download gradebook (CSV)
          </a>
        </li>
      </ul>
    </nav>
  );
}
