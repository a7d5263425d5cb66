"use client";

/**
 * Where keyboard focus goes once the page has re-rendered after a submit or a retake. Both replace the
 * part of the page that held the focused button (the player, the result), so focus would fall back to
 * <body>: a keyboard user is thrown to the top and a screen reader announces nothing.
 *
 * NOTE: kept in memory, not in storage: the refresh and the action's redirect re-render in the same page,
 * and a plain page load (a reload, a link to an earlier attempt) must not move focus. A wish not taken
 * within a short while (the retake was refused, say) is dropped, so it never surprises a later page.
 */
type TTarget = "result" | "first-question";

let wanted: { target: TTarget; at: number } | null = null;

export function focusAfterRender(target: TTarget) {
  wanted = { target, at: Date.now() };
}

/** True once, if focus was asked for `target`; the caller then focuses its element. */
export function takeFocusRequest(target: TTarget): boolean {
  if (wanted && Date.now() - wanted.at > 30_000) wanted = null;
  if (wanted?.target !== target) return false;
  wanted = null;
  return true;
}
