import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Choose a password" };

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { next } = await searchParams;
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent("/account/password")}`);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 font-serif text-3xl font-bold">{user.mustChangePassword ? "Choose your own password" : "Change your password"}</h1>
      {user.mustChangePassword && (
        <p className="mb-6">
          Welcome, {user.name}. Your teacher gave you a one-time password; choose one only you know before you go on.
        </p>
      )}
      <ChangePasswordForm next={next} oneTime={user.mustChangePassword} />
    </div>
  );
}
