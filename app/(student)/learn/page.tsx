import { requirePageUser } from "@/lib/auth/session";

export default async function LearnPage() {
  const user = await requirePageUser("/learn", "STUDENT", "INSTRUCTOR", "ADMIN");
  return <h1 className="font-serif text-3xl font-bold">Welcome, {user.name}</h1>;
}
