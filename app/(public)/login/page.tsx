import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { next, signedOut } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 font-serif text-3xl font-bold">Sign in</h1>
      {signedOut && (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-green-900">
          You have signed out.
        </p>
      )}
      <SignInForm next={next} />
    </div>
  );
}
