"use client";

export type TApiResult<T> = { ok: true; data: T } | { ok: false; code: string; error: string };

/**
 * Calls the attempts API. Resolves with the server's answer (accepted or refused); rejects only when
 * the server could not be reached, which is how the offline queue tells "keep and retry" apart.
 */
async function call<T>(url: string, method: "PUT" | "POST", body: unknown, keepalive = false): Promise<TApiResult<T>> {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    keepalive,
    credentials: "same-origin",
  });
  try {
    return (await response.json()) as TApiResult<T>;
  } catch {
    return { ok: false, code: response.status >= 500 ? "SERVER" : "INVALID", error: `The server answered ${response.status}.` };
  }
}

export const saveAnswerRequest = (attemptId: string, body: { questionId: string; value: unknown; answeredAt: string }, keepalive = false) =>
  call<{ savedAt: string }>(`/api/attempts/${encodeURIComponent(attemptId)}/answers`, "PUT", body, keepalive);

export const submitAttemptRequest = (attemptId: string, answers: { questionId: string; value: unknown; answeredAt: string }[]) =>
  call<{ score: number; maxScore: number }>(`/api/attempts/${encodeURIComponent(attemptId)}/submit`, "POST", { answers });
