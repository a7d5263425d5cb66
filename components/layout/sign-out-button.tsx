"use client";

import { useTransition } from "react";
import { signOutAction } from "@/app/(public)/actions";
import { clearAllPending, flushAllPending } from "@/components/quiz/save-queue";

/**
 * Signs out, but first saves any answers still queued on this device, and asks before discarding any
 * that cannot be saved; then clears the queue so the next person at a shared computer cannot read it.
 * Without JavaScript the form still signs out (there is then no queue to save).
 */
export function SignOutButton() {
  const [pending, startTransition] = useTransition();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const unsaved = await flushAllPending().catch(() => 0);
    if (unsaved > 0) {
      const discard = window.confirm(
        `${unsaved} ${unsaved === 1 ? "answer" : "answers"} could not be saved (you may be offline). Sign out anyway and discard ${unsaved === 1 ? "it" : "them"} from this device?`,
      );
      if (!discard) return;
    }
    clearAllPending();
    startTransition(() => signOutAction());
  }

  return (
    <form action={signOutAction} onSubmit={onSubmit}>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md border border-slate-400 px-3 py-1.5 hover:bg-slate-100">
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}
