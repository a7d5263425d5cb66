/** One learner's submitted work on one activity, as the class queries aggregate it. */
export type TActivityWork = {
  /** Best score as a fraction 0..1 over submitted attempts; null when none was submitted. */
  best: number | null;
  /** When the first attempt was submitted: the moment the work was handed in. */
  firstSubmittedAt: Date | null;
  attempts: number;
  inProgress: boolean;
};

export type TItemStatus = "not-started" | "in-progress" | "done" | "overdue";

export type TItemSummary = {
  status: TItemStatus;
  /** Handed in after the (possibly extended) due date. */
  late: boolean;
  /** Percent 0..100: the override if the instructor set one, else the mean best score over the item's activities. */
  score: number | null;
  overridden: boolean;
  activitiesDone: number;
  activitiesTotal: number;
  completedAt: Date | null;
};

/**
 * The status of one assigned item (a module's activities, or one activity) for one learner. Work handed
 * in after the due date counts and is marked late; an item not handed in by then is overdue.
 */
export function summarizeItem(
  activityIds: readonly string[],
  work: ReadonlyMap<string, TActivityWork>,
  dueAt: Date,
  now: Date,
  override: number | null = null,
): TItemSummary {
  const rows = activityIds.map((id) => work.get(id));
  const submitted = rows.filter((w): w is TActivityWork => !!w?.firstSubmittedAt);
  const done = activityIds.length > 0 && submitted.length === activityIds.length;
  const completedAt = done ? new Date(Math.max(...submitted.map((w) => w.firstSubmittedAt!.getTime()))) : null;
  const started = rows.some((w) => w && (w.inProgress || w.attempts > 0));
  const status: TItemStatus = done ? "done" : now > dueAt ? "overdue" : started ? "in-progress" : "not-started";
  const computed = submitted.length
    ? Math.round((rows.reduce((sum, w) => sum + (w?.best ?? 0), 0) / activityIds.length) * 1000) / 10
    : null;
  return {
    status,
    late: !!completedAt && completedAt > dueAt,
    score: override ?? computed,
    overridden: override !== null,
    activitiesDone: submitted.length,
    activitiesTotal: activityIds.length,
    completedAt,
  };
}

export const STATUS_LABEL: Record<TItemStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  overdue: "Overdue",
};
