import Link from "next/link";

export default function Page() {
  return (
    <main>
      <h1>Read the sources. Then check them.</h1>
      <p>
        Crosscheck teaches you to read reporting on a contested conflict critically. Its first course works with five real
        articles on the Nagorno-Karabakh conflict: you identify each article&apos;s perspective, point to the evidence in the
        text, compare sources side by side and check their claims against the dated record.
      </p>
      <Link href="/">Home</Link>
    </main>
  );
}
