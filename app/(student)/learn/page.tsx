import type { Metadata } from "next";
import Link from "next/link";
import { AssignedWork } from "@/components/learn/assigned-work";
import { JoinClassForm } from "@/components/learn/join-class-form";
import { MasteryPanel } from "@/components/learn/mastery-panel";
import { getAssignedWork } from "@/lib/assignments/queries";
import { listStudentClasses } from "@/lib/classes/queries";
import { requirePageUser } from "@/lib/auth/session";
import { getCourseOverview } from "@/lib/learning/queries";
import { formatScore } from "@/lib/learning/scores";

export const metadata: Metadata = { title: "Your course" };

type TActivityProgress = {
  best: Parameters<typeof formatScore>[0] | null;
  submitted: boolean;
  inProgress: { answered: number; total: number | null } | null;
};

/** "best 80%", "submitted, score not shown yet", "in progress (2 of 9 answered)", one of those and the latter, or "not yet taken". */
function activityStatus({ best, submitted, inProgress }: TActivityProgress) {
  const open = inProgress && `in progress (${inProgress.answered}${inProgress.total === null ? "" : ` of ${inProgress.total}`} answered)`;
  const done = best ? `best ${formatScore(best)}` : submitted ? "submitted, score not shown yet" : null;
  if (done) return open ? `${done}; another attempt ${open}` : done;
  return open || "not yet taken";
}

export default async function LearnPage() {
  const user = await requirePageUser("/learn", "STUDENT", "INSTRUCTOR", "ADMIN");
  const [{ modules, resume, mastery, nextStep }, work, classes] = await Promise.all([
    getCourseOverview(user),
    getAssignedWork(user),
    listStudentClasses(user),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Welcome, {user.name}</h1>
        <p className="text-muted">Nagorno-Karabakh: reading a contested conflict through its sources.</p>
      </div>
      {resume && (
        <p className="rounded-lg border border-accent/30 bg-blue-50 p-4">
          Pick up where you left off:{" "}
          <Link className="font-semibold text-accent underline" href={`/learn/${resume.module.slug}/${resume.slug}`}>
            {resume.title}
          </Link>
        </p>
      )}
      {(work.length > 0 || classes.length > 0) && <AssignedWork work={work} />}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="modules-heading" className="flex flex-col gap-4">
          <h2 id="modules-heading" className="text-xl font-semibold">Modules</h2>
          <ol className="flex flex-col gap-4">
            {modules.map((m, i) => (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="text-lg font-semibold">
                  <Link href={`/learn/${m.slug}`} className="hover:underline">
                    {i}. {m.title}
                  </Link>
                </h3>
                <p className="text-muted">{m.summary}</p>
                <p className="mt-2 text-sm">
                  {m.lessonsDone} of {m.lessons.length} lessons done
                  {m.activities.map((a) => (
                    <span key={a.id} className="ml-3">
                      · {a.title}: {activityStatus(a)}
                    </span>
                  ))}
                </p>
                <div className="mt-2 h-2 rounded bg-slate-200" aria-hidden="true">
                  <div className="h-2 rounded bg-green-700" style={{ width: `${(m.lessonsDone / (m.lessons.length || 1)) * 100}%` }} />
                </div>
              </li>
            ))}
          </ol>
          <p>
            <Link href="/learn/sources" className="text-accent underline">All the sources, with their provenance</Link>
          </p>
        </section>
        <div className="flex flex-col gap-6">
          <MasteryPanel mastery={mastery} nextStep={nextStep} />
          <JoinClassForm
            classes={classes.map(({ class: c }) => ({ id: c.id, name: c.name, term: c.term, teacher: c.instructors[0]?.user.name ?? null }))}
          />
        </div>
      </div>
    </div>
  );
}
