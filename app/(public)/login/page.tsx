import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DEMO_PASSWORD, DEMO_USERS, demoAccountsWanted } from "@/lib/auth/demo-accounts";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { next, signedOut, reset } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 font-serif text-3xl font-bold">Sign in</h1>
      {signedOut && (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-green-900">
          You have signed out.
        </p>
      )}
      {reset && (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-green-900">
          Your new password is saved. Sign in with it.
        </p>
      )}
      <SignInForm next={next} />
      {demoAccountsWanted(process.env) && (
        <aside aria-labelledby="demo-heading" className="mt-8 rounded-md border border-slate-200 bg-white p-4 text-sm">
          <h2 id="demo-heading" className="mb-2 font-semibold">Demo accounts</h2>
          <ul className="flex flex-col gap-1">
            {DEMO_USERS.map((u) => (
              <li key={u.email}>
                <code>{u.email}</code> ({u.role.toLowerCase()})
              </li>
            ))}
          </ul>
          <p className="mt-2">
            Password: <code>{DEMO_PASSWORD}</code>
          </p>
        </aside>
      )}
    </div>
  );
}
