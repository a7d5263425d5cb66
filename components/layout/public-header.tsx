import Link from "next/link";

export function PublicHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center justify-between gap-4 p-4">
        <Link href="/" className="font-serif text-xl font-bold">
          Crosscheck
        </Link>
        <ul className="flex gap-4">
          <li><Link href="/login" className="underline-offset-4 hover:underline">Sign in</Link></li>
          <li><Link href="/signup" className="underline-offset-4 hover:underline">Sign up</Link></li>
        </ul>
      </nav>
    </header>
  );
}
