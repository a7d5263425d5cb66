import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { notFound } from "next/navigation";
import { DraftBadge } from "@/components/ui/draft-badge";
import { ActivityPlayer } from "@/components/quiz/activity-player";
import { AttemptResult } from "@/components/quiz/attempt-result";
import { requirePageUser } from "@/lib/auth/session";
import { getActivityForLearner } from "@/lib/attempts/queries";
import { restartStalePreview, startOrResumeAttempt } from "@/lib/attempts/start-attempt";
import { renderLessonHtml } from "@/lib/content/markdown";
import { AppError } from "@/lib/errors";
import { formatScore } from "@/lib/learning/scores";
import { formatInZone } from "@/lib/assignments/dates";
import { withheldNote } from "@/lib/assignments/feedback-rules";
import { SourceColumns } from "@/components/quiz/source-columns";
import { ResultHeading } from "@/components/quiz/result-heading";
import { RetakeForm } from "@/components/quiz/retake-form";
import { retakeAction } from "./actions";

type TParams = { moduleSlug: string; activitySlug: string };
type TSearch = { attempt?: string };

export const metadata: Metadata = { title: "Activity" };


export default async function ActivityPage({ params, searchParams }: { params: Promise<TParams>; searchParams: Promise<TSearch> }) {
  const { moduleSlug, activitySlug } = await params;
  const { attempt } = await searchParams;
  const path = `/learn/${moduleSlug}/activities/${activitySlug}`;
  const user = await requirePageUser(path, "STUDENT", "INSTRUCTOR", "ADMIN");

  const load = async () => {
    try {
      return await getActivityForLearner(user, activitySlug, attempt ? Number(attempt) : undefined);
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    }
  };
  let data = await load();
  if (data.activity.module.slug !== moduleSlug) notFound();
  if (!data.open && data.attempts.length === 0) {
    await startOrResumeAttempt(user, activitySlug);
    data = await load();
  } else if (data.open && data.activity.olderVersion && user.role === "ADMIN") {
    // An admin's preview follows their edits: a preview attempt on an older version starts afresh.
    await restartStalePreview(user, activitySlug);
    data = await load();
  }
  const { activity, sources, open, attempts, best, latest, viewed, withheld } = data;
  const definition = activity.definition;
  const intro = await renderLessonHtml(definition.intro, []);
  // When the learner sees the key and scores; said before and after submitting.
  const feedbackNote = withheldNote(withheld, formatInZone);
  const bylineOf = (s: (typeof sources)[number]) => {
    const card = s.card as { outlet?: { name?: string } };
    return `${card.outlet?.name ?? "Unknown outlet"}, ${s.publishedAt}`;
  };

  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs items={[{ href: "/learn", label: "Course" }, { href: `/learn/${moduleSlug}`, label: activity.module.title }]} />
      <header className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">{activity.kind === "QUIZ" ? "Quiz" : "Exercise"}</p>
        <h1 className="font-serif text-3xl font-bold">
          {activity.title}
          <DraftBadge status={activity.status} />
        </h1>
        {activity.olderVersion && (
          <p className="text-sm text-muted">
            This attempt shows the questions as they were when it was started (version {activity.olderVersion.shown}); the
            activity has been revised since (version {activity.olderVersion.current}). Its score stays as it was.
          </p>
        )}
        <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: intro }} />
        <p className="text-sm text-muted">{feedbackNote}</p>
        {attempts.length > 0 && best && latest && (
          <p className="text-sm">
            Best: attempt {best!.number}, {formatScore(best!)} · Latest: attempt {latest!.number}, {formatScore(latest!)} · {attempts.length}{" "}
            {attempts.length === 1 ? "attempt" : "attempts"} submitted
          </p>
        )}
      </header>

      {definition.layout === "compare" && (
        <SourceColumns sources={sources.filter((s) => definition.sources.includes(s.slug)).map((s) => ({ ...s, byline: bylineOf(s) }))} />
      )}

      {open ? (
        <section aria-label={`Attempt ${open.number}`}>
          <ActivityPlayer
            attemptId={open.id}
            activity={definition}
            sources={sources}
            saved={Object.fromEntries(open.answers.map((a) => [a.questionId, { value: a.value, seq: a.seq }]))}
          />
        </section>
      ) : withheld && viewed ? (
        <section aria-labelledby="result-heading" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4">
          <ResultHeading>Attempt {viewed.number} submitted</ResultHeading>
          <p>
            {feedbackNote} {withheld.by === "your-class" ? "Your answers are saved and your teacher can see them." : "Your answers are saved."}
          </p>
          <RetakeForm action={retakeAction} label="Try again" variant="secondary" className="flex flex-col items-start gap-2" hidden={{ moduleSlug, activitySlug }} />
        </section>
      ) : (
        viewed?.result && (
          <section aria-labelledby="result-heading" className="flex flex-col gap-4">
            <div className="flex flex-wrap items-center justify-between gap-4 rounded-lg border border-green-300 bg-green-50 p-4">
              <ResultHeading>
                Attempt {viewed.number}: {Math.round(viewed.result.score * 10) / 10} of {viewed.result.maxScore} points ({formatScore(viewed.result)})
              </ResultHeading>
              <RetakeForm action={retakeAction} label="Retake" className="flex flex-col items-end gap-2" hidden={{ moduleSlug, activitySlug }} />
            </div>
            {attempts.length > 1 && (
              <nav aria-label="Your attempts" className="text-sm">
                Your attempts:{" "}
                {attempts.map((a) => (
                  <Link key={a.number} href={`${path}?attempt=${a.number}`} aria-current={a.number === viewed.number ? "page" : undefined} className="mr-3 underline aria-[current=page]:font-bold">
                    #{a.number} ({formatScore(a)})
                  </Link>
                ))}
              </nav>
            )}
            <AttemptResult activity={definition} result={viewed.result} sources={sources} />
          </section>
        )
      )}
    </div>
  );
}
