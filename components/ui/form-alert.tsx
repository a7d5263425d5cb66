/** A form-level message announced to screen readers as soon as it appears. */
export function FormAlert({ message }: { message?: string }) {
  return (
    <div role="alert" aria-live="assertive">
      {message && <p className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">{message}</p>}
    </div>
  );
}
