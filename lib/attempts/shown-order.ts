import "server-only";
import { db } from "@/lib/db";
import { shuffled, type TPublicActivity } from "@/lib/content/public-activity";

/** Per question id, the ids of its items in the order one attempt shows them. */
export type TShownOrder = Record<string, string[]>;

/** A fresh order for every ordering question of the activity, from the server's randomness. */
export function drawShownOrder(definition: TPublicActivity): TShownOrder {
  const order: TShownOrder = {};
  for (const q of definition.questions) if (q.type === "order") order[q.id] = shuffled(q.events.map((e) => e.id));
  return order;
}

/** The definition with each ordering question's events in the attempt's order (unchanged where it has none). */
export function applyShownOrder(definition: TPublicActivity, order: TShownOrder): TPublicActivity {
  return {
    ...definition,
    questions: definition.questions.map((q) => {
      const ids = order[q.id];
      if (q.type !== "order" || !ids || ids.length !== q.events.length) return q;
      const byId = new Map(q.events.map((e) => [e.id, e]));
      const events = ids.map((id) => byId.get(id));
      return events.every((e) => e !== undefined) ? { ...q, events } : q;
    }),
  };
}

/**
 * The order an attempt shows its ordering questions in: the stored one, or, the first time the attempt is
 * shown, a fresh one stored with it (a conditional update, so two tabs opening it at once agree on one).
 * NOTE: drawn here rather than when the attempt is created, so attempts from before this column get one too.
 */
export async function getShownOrder(attempt: { id: string; shownOrder: unknown }, definition: TPublicActivity): Promise<TShownOrder> {
  if (attempt.shownOrder) return attempt.shownOrder as TShownOrder;
  const drawn = drawShownOrder(definition);
  const written = await db.$executeRaw`
    UPDATE "Attempt" SET "shownOrder" = ${JSON.stringify(drawn)}::jsonb WHERE "id" = ${attempt.id} AND "shownOrder" IS NULL`;
  if (written === 1) return drawn;
  const stored = await db.attempt.findUnique({ where: { id: attempt.id }, select: { shownOrder: true } });
  return (stored?.shownOrder as TShownOrder | null) ?? drawn;
}
