import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/form-field";
import { CommentField } from "@/components/teach/comment-field";
import { AttemptResult } from "@/components/quiz/attempt-result";
import { requirePageUser } from "@/lib/auth/session";
import { formatInZone, toZonedInput } from "@/lib/assignments/dates";
import { STATUS_LABEL } from "@/lib/assignments/status";
import { orNotFound } from "@/lib/not-found";
import { formatScore } from "@/lib/learning/scores";
import { getStudentWork } from "@/lib/reports/student-work";
import { removeExtensionAction, saveGradeAction, setExtensionAction } from "../../../actions";

export const metadata: Metadata = { title: "Student's work" };

type TParams = { classId: string; studentId: string };

export default async function StudentWorkPage({ params }: { params: Promise<TParams> }) {
  const { classId, studentId } = await params;
  const user = await requirePageUser(`/teach/classes/${classId}/students/${studentId}`, "INSTRUCTOR", "ADMIN");
  const data = await orNotFound(getStudentWork(user, classId, studentId));
  const { student, items, sources } = data;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">
        {student.name} <span className="text-base font-normal text-muted">{student.login}</span>
      </h1>
      {items.length === 0 && <p>Nothing is assigned to this class yet.</p>}
      {items.map((item) => {
        const s = item.summary;
        const ids = { assignmentId: item.assignmentId, studentId };
        return (
          <section key={item.assignmentId} id={`item-${item.assignmentId}`} aria-labelledby={`h-${item.assignmentId}`} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id={`h-${item.assignmentId}`} className="text-xl font-semibold">{item.title}</h2>
            <p>
              <strong>{STATUS_LABEL[s.status]}</strong>
              {s.score !== null && ` · ${s.score}%${s.overridden ? " (your score)" : ""}`}
              {s.late && (s.overridden ? " · handed in late" : ` · late (on time: ${s.onTimeScore ?? 0}%)`)}
              {` · ${s.activitiesDone} of ${s.activitiesTotal} ${s.activitiesTotal === 1 ? "activity" : "activities"} submitted`}
            </p>
            <p className="text-sm">
              Due {formatInZone(item.dueAt, item.timeZone)}
              {item.extended && ` (extended; the class is due ${formatInZone(item.classDueAt, item.timeZone)})`}
            </p>

            <div className="grid gap-6 md:grid-cols-2">
              <ActionForm action={setExtensionAction} submitLabel="Save extension" hidden={ids}>
                <FormField
                  label={`New due date for ${student.name} (${item.timeZone.replace(/_/g, " ")})`}
                  name="dueAt"
                  id={`due-${item.assignmentId}`}
                  type="datetime-local"
                  defaultValue={toZonedInput(item.dueAt, item.timeZone)}
                />
              </ActionForm>
              <ActionForm action={saveGradeAction} submitLabel="Save comment and score" hidden={ids}>
                <FormField
                  label="Score you give, 0–100 (leave empty to keep the computed score)"
                  name="overrideScore"
                  id={`score-${item.assignmentId}`}
                  inputMode="decimal"
                  defaultValue={item.grade?.overrideScore?.toString() ?? ""}
                />
                <CommentField id={`comment-${item.assignmentId}`} defaultValue={item.grade?.comment ?? ""} />
              </ActionForm>
            </div>
            {item.extended && (
              <ActionForm action={removeExtensionAction} submitLabel="Remove the extension" variant="secondary" hidden={ids} className="flex flex-col gap-2" />
            )}

            {item.activities.map((act) => (
              <div key={act.id} className="flex flex-col gap-2">
                <h3 className="text-lg font-semibold">{act.title}</h3>
                {act.attempts.length === 0 ? (
                  <p className="text-muted">Not started.</p>
                ) : (
                  <ul className="flex flex-col gap-2">
                    {act.attempts.map((at) => (
                      <li key={at.id}>
                        {at.result ? (
                          <details>
                            <summary className="cursor-pointer">
                              Attempt {at.number}: {formatScore(at)}, submitted {at.submittedAt!.toISOString().slice(0, 16).replace("T", " ")} UTC
                              {at.late && " (late)"}
                              {at.notCounted && ` (not counted: ${at.notCounted})`}: answers and written justification
                            </summary>
                            <div className="mt-3">
                              <AttemptResult activity={at.definition} result={at.result} sources={sources} />
                            </div>
                          </details>
                        ) : (
                          <p>
                            Attempt {at.number}: in progress, {at._count.answers} of {at.definition.questions.length} questions answered so far.
                          </p>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
