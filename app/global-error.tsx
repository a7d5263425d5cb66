"use client";

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui", padding: "2rem" }}>
        <main>
          <h1>Something went wrong</h1>
          <p>We could not load Crosscheck. Nothing you saved is lost.</p>
          <button onClick={reset}>Try again</button>
        </main>
      </body>
    </html>
  );
}
