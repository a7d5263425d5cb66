import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="mb-4 font-serif text-3xl font-bold">Page not found</h1>
      <p className="mb-4">We could not find what you were looking for.</p>
      <Link href="/" className="text-accent underline">Go to the home page</Link>
    </main>
  );
}
