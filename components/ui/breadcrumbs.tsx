import Link from "next/link";
import { Fragment } from "react";

/** The trail back up the course, as a navigation landmark. */
export function Breadcrumbs({ items }: { items: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      {items.map((item, i) => (
        <Fragment key={item.href}>
          {i > 0 && <span aria-hidden="true"> › </span>}
          <Link href={item.href} className="underline">
            {item.label}
          </Link>
        </Fragment>
      ))}
    </nav>
  );
}
