import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import type { TPublicActivity } from "@/lib/content/public-activity";
import type { TActivityResult } from "@/lib/grading/feedback";
import { bestAttempt } from "@/lib/learning/scores";
import { feedbackFor } from "@/lib/assignments/feedback-policy";
import { visible } from "@/lib/content/visibility";
import { applyShownOrder, getShownOrder, type TShownOrder } from "./shown-order";

/**
 * What the activity page needs: the public definition (no keys), the sources it shows, the caller's
 * attempts (best and latest), and either the open attempt's saved answers or the viewed attempt's result.
 * NOTE: the key only leaves the server inside `result`, i.e. after the attempt was submitted, and only
 * when the feedback decision (`feedbackFor`) does not withhold it (`withheld` says why it does).
 */
export async function getActivityForLearner(user: TCurrentUser, activitySlug: string, viewAttemptNumber?: number) {
  const activity = await db.activity.findUnique({
    where: { slug: activitySlug, ...visible(user).inModule },
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      status: true,
      version: true,
      publicDefinition: true,
      module: { select: { slug: true, title: true } },
      attempts: {
        where: { userId: user.id },
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          activityVersion: true,
          status: true,
          score: true,
          maxScore: true,
          submittedAt: true,
          shownOrder: true,
          answers: { select: { questionId: true, value: true, answeredAt: true, seq: true } },
        },
      },
    },
  });
  if (!activity) throw new AppError("NOT_FOUND", "No such quiz or exercise.");
  const open = activity.attempts.find((a) => a.status === "IN_PROGRESS") ?? null;
  const viewed0 = viewAttemptNumber
    ? activity.attempts.find((a) => a.number === viewAttemptNumber && a.status === "SUBMITTED")
    : activity.attempts.find((a) => a.status === "SUBMITTED");
  // An attempt shows the questions of the version it was started on, whatever was edited since.
  const shownVersion = (open ?? viewed0)?.activityVersion ?? activity.version;
  const versionDefinition = (
    shownVersion === activity.version
      ? activity.publicDefinition
      : (await db.activityVersion.findUniqueOrThrow({
          where: { activityId_version: { activityId: activity.id, version: shownVersion } },
          select: { publicDefinition: true },
        })).publicDefinition
  ) as TPublicActivity;
  // Each attempt shows ordering questions in its own order, drawn for it when it is first shown (issue 15).
  const shownOrder = open ? await getShownOrder(open, versionDefinition) : (viewed0?.shownOrder as TShownOrder | null | undefined);
  const definition = shownOrder ? applyShownOrder(versionDefinition, shownOrder) : versionDefinition;
  const slugs = new Set<string>(definition.sources);
  for (const q of definition.questions) if ("source" in q) slugs.add(q.source);
  const [sources, feedback] = await Promise.all([
    db.source.findMany({
      where: { slug: { in: [...slugs] } },
      select: { slug: true, title: true, body: true, publishedAt: true, card: true },
    }),
    feedbackFor(user, { activityIds: [activity.id] }),
  ]);

  const withheld = feedback.withheld(activity.id);
  const submitted = feedback.scores(activity.id, activity.attempts.filter((a) => a.status === "SUBMITTED"));
  const best = withheld ? null : bestAttempt(submitted);
  const viewed = viewAttemptNumber ? submitted.find((a) => a.number === viewAttemptNumber) : submitted[0];
  const result = viewed && !withheld
    ? ((await db.attempt.findUnique({ where: { id: viewed.id }, select: { result: true } }))?.result as TActivityResult)
    : null;

  return {
    activity: {
      slug: activity.slug,
      title: activity.title,
      kind: activity.kind,
      status: activity.status,
      module: activity.module,
      definition,
      /** Set when the shown attempt is on an older version than the current one. */
      olderVersion: shownVersion !== activity.version ? { shown: shownVersion, current: activity.version } : null,
    },
    // NOTE: of the card only the outlet's name, for the byline: these go to the browser with the quiz, and
    // the card's genre is a perspective question's key word for word (issue 15).
    sources: sources.map(({ card, ...s }) => ({ ...s, card: { outlet: { name: (card as { outlet?: { name?: string } }).outlet?.name } } })),
    open: open && { id: open.id, number: open.number, answers: open.answers },
    attempts: submitted.map(({ answers: _answers, shownOrder: _order, ...a }) => a),
    withheld,
    best: best && { number: best.number, score: best.score, maxScore: best.maxScore },
    latest: submitted[0] && !withheld ? { number: submitted[0].number, score: submitted[0].score, maxScore: submitted[0].maxScore } : null,
    viewed: viewed ? { number: viewed.number, answers: viewed.answers, result } : null,
  };
}
