"use client";

export type TApiResult<T> = { ok: true; data: T } | { ok: false; code: string; error: string; details?: TKeptDetails };
/** Sent with a refused save: the answer the server kept instead (a later save from another tab or device). */
export type TKeptDetails = { questionId: string; kept: { value: unknown; seq: number } };
export type TSentAnswer = { questionId: string; value: unknown; seq?: number; answeredAt: string };

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

export const saveAnswerRequest = (attemptId: string, body: TSentAnswer, keepalive = false) =>
  call<{ savedAt: string; seq: number }>(`/api/attempts/${encodeURIComponent(attemptId)}/answers`, "PUT", body, keepalive);

export const submitAttemptRequest = (attemptId: string, answers: TSentAnswer[]) =>
  call<{ score: number; maxScore: number }>(`/api/attempts/${encodeURIComponent(attemptId)}/submit`, "POST", { answers });
