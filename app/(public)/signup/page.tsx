import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 font-serif text-3xl font-bold">Create a student account</h1>
      <SignUpForm />
    </div>
  );
}
