"use client";

import { saveAnswerRequest, type TKeptDetails } from "./attempt-api";

/** `seq`: the tab's save number (decision 006); missing only in a queue kept by a tab from before it. */
export type TPendingAnswer = { questionId: string; value: unknown; seq?: number; answeredAt: string };
export type TSaveState =
  | { kind: "saved"; at: string | null }
  | { kind: "saving"; pending: number }
  | { kind: "offline"; pending: number }
  | { kind: "error"; message: string; pending: number };

const PREFIX = "crosscheck:pending:";
const key = (attemptId: string) => `${PREFIX}${attemptId}`;

/** Answers given but not yet confirmed by the server, kept in this browser across reloads. */
export function readPending(attemptId: string): Record<string, TPendingAnswer> {
  try {
    return JSON.parse(localStorage.getItem(key(attemptId)) ?? "{}") as Record<string, TPendingAnswer>;
  } catch {
    return {};
  }
}

/**
 * Records one change in localStorage, merged with what is there: another tab on the same attempt keeps
 * its own queue in the same key, so neither may overwrite the other's entries.
 */
function persist(attemptId: string, questionId: string, item: TPendingAnswer | null, confirmed?: TPendingAnswer) {
  try {
    const stored = readPending(attemptId);
    const current = stored[questionId];
    if (item && (!current || (current.seq ?? 0) <= (item.seq ?? 0))) stored[questionId] = item;
    if (!item && current && current.seq === confirmed?.seq && current.answeredAt === confirmed?.answeredAt) delete stored[questionId];
    if (Object.keys(stored).length === 0) localStorage.removeItem(key(attemptId));
    else localStorage.setItem(key(attemptId), JSON.stringify(stored));
  } catch {
    // Storage full or disabled: the answer still lives in memory and is retried from there.
  }
}

/**
 * Autosave with an offline queue. Every answer is written to localStorage first, then sent; it leaves
 * the queue only when the server confirms it. A failed request (network or database down) leaves it
 * queued and is retried when the browser is back online and every few seconds.
 */
export function createSaveQueue(
  attemptId: string,
  /** The highest save number this tab has seen (the page's answers, this device's queue). */
  lastSeq: number,
  onState: (state: TSaveState) => void,
  onRefused: (code: string, message: string) => void,
  /** A save was not kept: a later one, from another tab or device, is stored instead. */
  onKept: (details: TKeptDetails, message: string) => void,
) {
  let pending = readPending(attemptId);
  let seq = Math.max(lastSeq, ...Object.values(pending).map((p) => p.seq ?? 0));
  let flushing = false;
  let lastSavedAt: string | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const count = () => Object.keys(pending).length;

  async function flush(): Promise<boolean> {
    if (flushing) return false;
    if (count() === 0) {
      onState({ kind: "saved", at: lastSavedAt });
      return true;
    }
    if (typeof navigator !== "undefined" && !navigator.onLine) {
      onState({ kind: "offline", pending: count() });
      return false;
    }
    flushing = true;
    onState({ kind: "saving", pending: count() });
    try {
      // Answers queued while a request is in flight are picked up by the next round.
      while (count() > 0) {
        for (const item of Object.values(pending)) {
          const result = await saveAnswerRequest(attemptId, item);
          if (!result.ok && (result.code === "SERVER" || result.code === "UNAUTHENTICATED")) {
            // Keep the answer: it is retried later (after signing in again, or when the server recovers).
            onRefused(result.code, result.error);
            throw new Error(result.error);
          }
          // Drop it unless a newer answer to the same question was queued meanwhile (that one is sent next).
          const superseded = pending[item.questionId] !== item;
          if (!superseded) delete pending[item.questionId];
          persist(attemptId, item.questionId, null, item);
          if (result.ok) lastSavedAt = result.data.savedAt;
          else if (result.details?.kept) {
            // Not kept: a later save from another tab or device is stored. This tab's next save counts past it.
            seq = Math.max(seq, result.details.kept.seq);
            if (!superseded) onKept(result.details, result.error);
          } else onRefused(result.code, result.error);
        }
      }
      onState({ kind: "saved", at: lastSavedAt });
      return true;
    } catch {
      const offline = typeof navigator !== "undefined" && !navigator.onLine;
      onState(offline ? { kind: "offline", pending: count() } : { kind: "error", message: "Not saved yet: the server could not be reached.", pending: count() });
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void flush(), 5000);
      return false;
    } finally {
      flushing = false;
    }
  }

  return {
    /** Queues an answer (replacing an older one to the same question) and tries to save it; returns its save number. */
    push(questionId: string, value: unknown): number {
      pending[questionId] = { questionId, value, seq: ++seq, answeredAt: new Date().toISOString() };
      persist(attemptId, questionId, pending[questionId]);
      void flush();
      return seq;
    },
    flush,
    /** When the page is closing: one last keepalive request per unsaved answer (it stays queued too). */
    flushOnExit() {
      for (const item of Object.values(pending)) void saveAnswerRequest(attemptId, item, true).catch(() => {});
    },
    pending: () => ({ ...pending }),
    /** Forget everything queued (after the attempt was submitted). */
    clear() {
      pending = {};
      try {
        localStorage.removeItem(key(attemptId));
      } catch {
        // Storage disabled: nothing was stored either.
      }
      clearTimeout(retryTimer);
    },
    dispose: () => clearTimeout(retryTimer),
  };
}


/**
 * Before signing out: tries to save every answer still queued on this device (for any attempt), and
 * returns how many could not be saved. Whatever was saved or refused leaves the queue.
 */
export async function flushAllPending(): Promise<number> {
  let remaining = 0;
  const keys = Object.keys(localStorage).filter((k) => k.startsWith(PREFIX));
  for (const k of keys) {
    const attemptId = k.slice(PREFIX.length);
    for (const item of Object.values(readPending(attemptId))) {
      try {
        const result = await saveAnswerRequest(attemptId, item);
        if (!result.ok && (result.code === "SERVER" || result.code === "UNAUTHENTICATED")) remaining++;
        else persist(attemptId, item.questionId, null, item);
      } catch {
        remaining++;
      }
    }
  }
  return remaining;
}

/** Removes every queued answer from this device (so the next person at a shared computer cannot read them). */
export function clearAllPending() {
  for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX)) localStorage.removeItem(k);
}
