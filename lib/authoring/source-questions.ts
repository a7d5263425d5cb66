import "server-only";
import { db } from "@/lib/db";
import { AppError, FieldsError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { ZActivity, type TActivity } from "@/lib/content/activity-schema";
import type { TSource } from "@/lib/content/schemas";
import { assertAdmin } from "./access";
import { createActivityTx, saveActivityTx } from "./activities";
import { addSourceToModule } from "./modules";
import { buildSourceQuestions, newSourceQuiz, type TBuilderInput } from "./question-builder";

/**
 * Adds a perspective question and an evidence question on one source, either as a new draft quiz in a
 * module or appended to an existing activity (a new version of it), and lists the source in the module.
 * Returns where the admin can preview the result.
 */
export async function addSourceQuestions(actor: TCurrentUser, input: TBuilderInput) {
  assertAdmin(actor);
  const row = await db.source.findUnique({ where: { slug: input.sourceSlug }, select: { slug: true, title: true, publishedAt: true, card: true, body: true } });
  if (!row) throw new AppError("NOT_FOUND", "No such source.");
  const missing = input.passages.findIndex((p) => !row.body.includes(p));
  if (missing >= 0) throw new FieldsError({ passages: `Passage ${missing + 1} is not in the text word for word.` });
  const source = { slug: row.slug, title: row.title, publishedAt: row.publishedAt, outlet: (row.card as Omit<TSource, "body">).outlet.name };

  return db.$transaction(async (tx) => {
    let saved: { moduleId: string; slug: string; version: number };
    if (input.target === "new") {
      let slug = `${row.slug}-quiz`;
      for (let n = 2; await tx.activity.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${row.slug}-quiz-${n}`;
      saved = await createActivityTx(tx, actor, input.moduleSlug, valid(newSourceQuiz(input, source, slug)), "form");
    } else {
      const current = await tx.activity.findUnique({ where: { slug: input.target }, select: { definition: true, module: { select: { slug: true } } } });
      if (!current || current.module.slug !== input.moduleSlug) throw new FieldsError({ target: "Choose an activity of the chosen module." });
      const definition = current.definition as TActivity;
      const next = valid({
        ...definition,
        sources: definition.sources.includes(source.slug) ? definition.sources : [...definition.sources, source.slug],
        questions: [...definition.questions, ...buildSourceQuestions(input, source, definition.questions)],
      });
      saved = { ...(await saveActivityTx(tx, actor, next, `Added questions on “${source.title}”`, "form")), slug: next.slug };
    }
    await addSourceToModule(tx, saved.moduleId, source.slug);
    return { slug: saved.slug, version: saved.version, href: `/learn/${input.moduleSlug}/activities/${saved.slug}` };
  });
}

/** The built activity checked by the content schema; a failure here is ours, not the admin's. */
function valid(activity: TActivity): TActivity {
  const parsed = ZActivity.safeParse(activity);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new FieldsError({ form: `${issue.path.join(".")}: ${issue.message}` });
}
