import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/form-field";
import { joinClassAction } from "@/app/(instructor)/teach/classes/actions";

/** Where a student enters the code their teacher gave them. */
export function JoinClassForm({ classes }: { classes: { id: string; name: string; term: string; teacher: string | null }[] }) {
  return (
    <section aria-labelledby="classes-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="classes-heading" className="text-lg font-semibold">Your classes</h2>
      {classes.length > 0 ? (
        <ul className="text-sm">
          {classes.map((c) => (
            <li key={c.id}>
              {c.name} · {c.term}
              {c.teacher && ` · ${c.teacher}`}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">You are not in a class yet.</p>
      )}
      <ActionForm action={joinClassAction} submitLabel="Join class" pendingLabel="Joining…" className="flex flex-col gap-2">
        <FormField label="Class code from your teacher" name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="K7M-Q2P" />
      </ActionForm>
    </section>
  );
}
