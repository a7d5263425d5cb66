// A blank Next.js App Router page, the Lighthouse benchmark's second control (scripts/lighthouse.ts):
// the same framework and versions as Crosscheck, none of its code, CSS or data.
export const metadata = { title: "Blank Next.js page" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
