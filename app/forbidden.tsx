import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="mb-4 font-serif text-3xl font-bold">You don&apos;t have access to this page</h1>
      <p className="mb-4">Your account&apos;s role does not include this area.</p>
      <Link href="/" className="text-accent underline">Go to the home page</Link>
    </main>
  );
}
