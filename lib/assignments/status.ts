/**
 * One learner's work on one activity for one assignment, counting only the attempts the assignment's rule
 * counts (lib/assignments/counted-attempts.ts).
 */
export type TActivityWork = {
  /** Best score as a fraction 0..1 over the counted attempts; null when none counts. */
  best: number | null;
  /** Best score over the counted attempts handed in by the (possibly extended) due date; null when none was. */
  bestOnTime: number | null;
  /** When the first counted attempt was submitted: the moment the work was handed in. */
  firstSubmittedAt: Date | null;
  /** Counted submitted attempts. */
  attempts: number;
  /** Submitted attempts that do not count (started before the assignment, or after the key was shown). */
  uncounted: number;
  inProgress: boolean;
};

export type TItemStatus = "not-started" | "in-progress" | "done" | "overdue";

export type TItemSummary = {
  status: TItemStatus;
  /** The score stands on work handed in after the (possibly extended) due date. */
  late: boolean;
  /** Percent 0..100: the override if the instructor set one, else the mean best counted score over the item's activities. */
  score: number | null;
  /** Percent 0..100: the same mean over work handed in by the due date (what the score would be without late work). */
  onTimeScore: number | null;
  overridden: boolean;
  activitiesDone: number;
  activitiesTotal: number;
  /** Submitted attempts that do not count, over the item's activities. */
  uncounted: number;
  completedAt: Date | null;
};

const percentOfMean = (values: (number | null)[], n: number) => Math.round((values.reduce<number>((sum, v) => sum + (v ?? 0), 0) / n) * 1000) / 10;

/**
 * The status of one assigned item (a module's activities, or one activity) for one learner. Only counted
 * attempts make an activity done. The score is the mean over the activities of each one's best counted
 * attempt (missing ones count 0); it is late when any activity's best counted attempt was handed in after
 * the due date, and then `onTimeScore` says what was handed in on time. An item with an activity not
 * handed in by the due date is overdue.
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
  const uncounted = rows.reduce((sum, w) => sum + (w?.uncounted ?? 0), 0);
  const started = rows.some((w) => w && (w.inProgress || w.attempts > 0 || w.uncounted > 0));
  const status: TItemStatus = done ? "done" : now > dueAt ? "overdue" : started ? "in-progress" : "not-started";
  const late = submitted.some((w) => w.best !== null && (w.bestOnTime === null || w.best > w.bestOnTime));
  const computed = submitted.length ? percentOfMean(rows.map((w) => w?.best ?? null), activityIds.length) : null;
  const onTime = submitted.length ? percentOfMean(rows.map((w) => w?.bestOnTime ?? null), activityIds.length) : null;
  return {
    status,
    late,
    score: override ?? computed,
    onTimeScore: override ?? onTime,
    overridden: override !== null,
    activitiesDone: submitted.length,
    activitiesTotal: activityIds.length,
    uncounted,
    completedAt,
  };
}

export const STATUS_LABEL: Record<TItemStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  overdue: "Overdue",
};
