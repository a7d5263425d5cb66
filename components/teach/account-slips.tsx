"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { TStudentAccount } from "@/lib/classes/student-account-types";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * New sign-in details, shown once: a table to read on screen and, when printed, one slip per pupil to cut
 * out and hand over. Focus moves to the heading so a screen reader user hears that the passwords are here.
 */
export function AccountSlips({ accounts, loginUrl, className }: { accounts: TStudentAccount[]; loginUrl: string; className: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => heading.current?.focus(), [accounts]);
  return (
    <section aria-labelledby={headingId} className="print-only-this flex flex-col gap-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4 print:border-0 print:bg-white print:p-0">
      <h2 id={headingId} ref={heading} tabIndex={-1} className="text-xl font-semibold print:hidden">
        {accounts.length === 1 ? "New sign-in details" : `${accounts.length} new accounts`}: shown only once
      </h2>
      <p className="print:hidden">
        Print these slips or copy them now: the passwords are stored encrypted and cannot be shown again. Each pupil signs
        in at <strong>{loginUrl}</strong> with the username and the one-time password, then chooses their own password.
      </p>
      <div className="print:hidden">
        <Button type="button" onClick={() => window.print()}>
          Print sign-in slips
        </Button>
      </div>
      <TableScroll>
        <table className="w-full border-collapse text-left print:hidden">
          <caption className="sr-only">New sign-in details for {className}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Name</th>
              <th scope="col" className="p-2">Username</th>
              <th scope="col" className="p-2">One-time password</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.username} className="border-b border-slate-200">
                <td className="p-2">{a.name}</td>
                <td className="p-2 font-mono">{a.username}</td>
                <td className="p-2 font-mono">{a.password}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ul aria-hidden="true" className="hidden print:grid print:grid-cols-2 print:gap-0">
        {accounts.map((a) => (
          <li key={a.username} className="break-inside-avoid border border-dashed border-slate-500 p-4">
            <p className="font-semibold">{a.name}</p>
            <p className="text-sm">{className} · Crosscheck</p>
            <p className="mt-2">Go to <strong>{loginUrl}</strong></p>
            <p>Username: <strong className="font-mono">{a.username}</strong></p>
            <p>Password: <strong className="font-mono">{a.password}</strong></p>
            <p className="mt-2 text-sm">You will choose your own password when you first sign in.</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
