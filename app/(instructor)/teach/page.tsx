import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Teach" };

export default async function TeachPage() {
  const user = await requirePageUser("/teach", "INSTRUCTOR", "ADMIN");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Your classes</h1>
      <p>Welcome, {user.name}. Classes, assignments with due dates and progress reports arrive here next.</p>
      <p className="text-muted">Meanwhile you can preview the whole course as a learner from “Course preview”.</p>
    </div>
  );
}
