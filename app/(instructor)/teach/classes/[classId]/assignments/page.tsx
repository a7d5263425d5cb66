import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/form-field";
import { FormCheckbox } from "@/components/forms/form-checkbox";
import { FormSelect } from "@/components/forms/form-select";
import { TimeZoneSelect } from "@/components/forms/time-zone-select";
import { requirePageUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { formatInZone, toZonedInput } from "@/lib/assignments/dates";
import { listClassAssignments } from "@/lib/assignments/queries";
import { listAssignableItems } from "@/lib/classes/queries";
import { createAssignmentAction, deleteAssignmentAction, updateAssignmentAction } from "../../actions";

export const metadata: Metadata = { title: "Assignments" };

const FEEDBACK_OPTIONS = [
  { value: "IMMEDIATE", label: "Immediately after submitting" },
  { value: "AFTER_DUE", label: "After the due date" },
  { value: "NEVER", label: "Never (I will go over it in class)" },
];
const EARLIER_LABEL = "Count attempts a student made before this assignment was set";
const AFTER_KEY_LABEL = "Let a retake started after the student saw the answer key replace an earlier score";

const FEEDBACK_LABEL = Object.fromEntries(FEEDBACK_OPTIONS.map((o) => [o.value, o.label.toLowerCase()]));

/** "2026-12-01T08:00" for today + `days`, as a wall-clock default for the date inputs. */
function wallClock(days: number, hour: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
}

export default async function AssignmentsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageUser(`/teach/classes/${classId}/assignments`, "INSTRUCTOR", "ADMIN");
  const [assignments, modules] = await Promise.all([orNotFound(listClassAssignments(user, classId)), listAssignableItems()]);
  const groups = modules.map((m) => ({
    label: m.title,
    options: [
      { value: `module:${m.id}`, label: `Whole module: ${m.title}` },
      ...m.activities.map((a) => ({ value: `activity:${a.id}`, label: a.title })),
    ],
  }));

  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Assignments</h1>
      <section aria-labelledby="current-heading" className="flex flex-col gap-4">
        <h2 id="current-heading" className="text-xl font-semibold">Set work</h2>
        {assignments.length === 0 ? (
          <p>Nothing assigned yet.</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {assignments.map((a) => {
              const title = a.module?.title ?? a.activity?.title ?? "(removed)";
              return (
                <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <h3 className="text-lg font-semibold">
                    {a.module ? "Module: " : ""}
                    {title}
                  </h3>
                  <p className="text-sm">
                    Opens {formatInZone(a.opensAt, a.timeZone)} · due {formatInZone(a.dueAt, a.timeZone)} · feedback{" "}
                    {FEEDBACK_LABEL[a.feedback]}
                    {a._count.extensions > 0 && ` · ${a._count.extensions} ${a._count.extensions === 1 ? "extension" : "extensions"}`}
                    {a.countEarlierAttempts && " · earlier attempts count"}
                    {a.countRetakesAfterKey && " · retakes after the key count"}
                  </p>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-accent underline">Change dates, feedback or which attempts count<span className="sr-only"> for {title}</span></summary>
                    <ActionForm action={updateAssignmentAction} submitLabel="Save changes" hidden={{ assignmentId: a.id }} className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-2">
                      <FormField label="Opens" name="opensAt" type="datetime-local" id={`opensAt-${a.id}`} defaultValue={toZonedInput(a.opensAt, a.timeZone)} />
                      <FormField label="Due" name="dueAt" type="datetime-local" id={`dueAt-${a.id}`} defaultValue={toZonedInput(a.dueAt, a.timeZone)} />
                      <TimeZoneSelect id={`timeZone-${a.id}`} defaultValue={a.timeZone} />
                      <FormSelect label="Show feedback with the answer key" name="feedback" options={FEEDBACK_OPTIONS} defaultValue={a.feedback} id={`feedback-${a.id}`} />
                      <div className="flex flex-col gap-2 sm:col-span-2">
                        <FormCheckbox label={EARLIER_LABEL} name="countEarlierAttempts" id={`earlier-${a.id}`} defaultChecked={a.countEarlierAttempts} />
                        <FormCheckbox label={AFTER_KEY_LABEL} name="countRetakesAfterKey" id={`afterKey-${a.id}`} defaultChecked={a.countRetakesAfterKey} />
                      </div>
                    </ActionForm>
                  </details>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-accent underline">Remove…<span className="sr-only"> {title}</span></summary>
                    <p className="my-2 text-sm">
                      Students keep their attempts, but your comments, score overrides and extensions for this assignment are deleted.
                    </p>
                    <ActionForm action={deleteAssignmentAction} submitLabel={`Remove ${title}`} variant="danger" hidden={{ assignmentId: a.id }} className="flex flex-col gap-2" />
                  </details>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-heading" className="flex max-w-2xl flex-col gap-4">
        <h2 id="new-heading" className="text-xl font-semibold">Assign work</h2>
        <ActionForm action={createAssignmentAction} submitLabel="Assign" pendingLabel="Assigning…" hidden={{ classId }} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <FormSelect label="What to assign" name="target" groups={groups} hint="A whole module includes its exercises and quizzes." />
          </div>
          <FormField label="Opens" name="opensAt" type="datetime-local" defaultValue={wallClock(0, 8)} required />
          <FormField label="Due" name="dueAt" type="datetime-local" defaultValue={wallClock(7, 17)} required />
          <TimeZoneSelect />
          <FormSelect label="Show feedback with the answer key" name="feedback" options={FEEDBACK_OPTIONS} defaultValue="IMMEDIATE" />
          <div className="flex flex-col gap-2 sm:col-span-2">
            <FormCheckbox label={EARLIER_LABEL} name="countEarlierAttempts" />
            <FormCheckbox label={AFTER_KEY_LABEL} name="countRetakesAfterKey" />
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
