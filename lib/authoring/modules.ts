import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, FieldsError } from "@/lib/errors";
import type { TCurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { parseYamlData } from "@/lib/content/front-matter";
import { ZModule } from "@/lib/content/schemas";
import { forgetPublishedLessons } from "@/lib/learning/published-lessons";
import { fieldErrorsOf } from "@/lib/auth/form-state";
import { lockForStatusChange, refuseIfAssigned } from "./assigned-content";
import { assertAdmin } from "./access";

export const ZModuleForm = z.object({
  title: z.string().max(300).default(""),
  summary: z.string().max(4_000).default(""),
  timeline: z.string().max(50_000).default(""),
  keyTerms: z.string().max(50_000).default(""),
  showMap: z.string().optional(),
  sources: z.array(z.string().max(120)).max(100).default([]),
});
export type TModuleForm = z.infer<typeof ZModuleForm>;

function yamlField(text: string, field: string): unknown {
  if (text.trim() === "") return [];
  try {
    return parseYamlData(text);
  } catch (error) {
    throw new FieldsError({ [field]: `Cannot read this as YAML: ${(error as Error).message.split("\n")[0]}` });
  }
}

/** Saves a module's text, timeline, key terms and sources, checked by the module file's schema. Audited. */
export async function updateModule(actor: TCurrentUser, slug: string, form: TModuleForm) {
  assertAdmin(actor);
  const before = await db.module.findUnique({
    where: { slug },
    select: {
      id: true,
      order: true,
      title: true,
      summary: true,
      timeline: true,
      keyTerms: true,
      showMap: true,
      sources: { orderBy: { position: "asc" }, select: { source: { select: { slug: true } } } },
    },
  });
  if (!before) throw new AppError("NOT_FOUND", "No such module.");
  const parsed = ZModule.safeParse({
    slug,
    order: before.order,
    title: form.title,
    summary: form.summary,
    sources: form.sources,
    timeline: yamlField(form.timeline, "timeline"),
    keyTerms: yamlField(form.keyTerms, "keyTerms"),
    showMap: form.showMap === "on",
  });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [head, ...rest] = issue.path.map(String);
      fields[head ?? "form"] ??= rest.length > 0 ? `${rest.join(".")}: ${issue.message}` : issue.message;
    }
    throw new FieldsError(fields);
  }
  const next = parsed.data;
  await db.$transaction(async (tx) => {
    const known = await tx.source.findMany({ where: { slug: { in: next.sources } }, select: { id: true, slug: true } });
    if (known.length !== new Set(next.sources).size) throw new FieldsError({ sources: "One of the chosen sources no longer exists." });
    await tx.module.update({
      where: { id: before.id },
      data: { title: next.title, summary: next.summary, timeline: next.timeline, keyTerms: next.keyTerms, showMap: next.showMap },
    });
    // Sources already listed keep their place; newly ticked ones go to the end.
    const kept = before.sources.map((s) => s.source.slug).filter((slug) => next.sources.includes(slug));
    const ordered = [...kept, ...next.sources.filter((slug) => !kept.includes(slug))];
    const ids = new Map(known.map((s) => [s.slug, s.id]));
    await tx.moduleSource.deleteMany({ where: { moduleId: before.id } });
    await tx.moduleSource.createMany({ data: ordered.map((slug, position) => ({ moduleId: before.id, sourceId: ids.get(slug)!, position })) });
    const { id: _id, order: _order, sources, ...rest } = before;
    await recordAudit(tx, actor, {
      action: "module.update",
      targetType: "Module",
      targetId: before.id,
      summary: `Edited the module “${next.title}”`,
      before: { ...rest, timeline: rest.timeline as object, keyTerms: rest.keyTerms as object, sources: sources.map((s) => s.source.slug) },
      after: { title: next.title, summary: next.summary, timeline: next.timeline, keyTerms: next.keyTerms, showMap: next.showMap, sources: next.sources },
    });
  });
}

/** Lists a source in a module (no-op when it already is), e.g. when a question on it is added there. */
export async function addSourceToModule(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], moduleId: string, sourceSlug: string) {
  const source = await tx.source.findUniqueOrThrow({ where: { slug: sourceSlug }, select: { id: true } });
  const last = await tx.moduleSource.aggregate({ where: { moduleId }, _max: { position: true } });
  await tx.moduleSource.upsert({
    where: { moduleId_sourceId: { moduleId, sourceId: source.id } },
    create: { moduleId, sourceId: source.id, position: (last._max.position ?? -1) + 1 },
    update: {},
  });
}

/**
 * Publishes or unpublishes a whole module (its lessons and activities keep their own status). Unpublishing
 * one that a class has been set, or one of whose activities is, is refused (see `refuseIfAssigned`). Audited.
 */
export async function setModuleStatus(actor: TCurrentUser, slug: string, status: "DRAFT" | "PUBLISHED") {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.module.findUnique({ where: { slug }, select: { id: true, title: true, status: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such module.");
    if (before.status === status) return;
    if (status === "DRAFT") {
      await lockForStatusChange(tx, "Module", before.id);
      // The module itself, or one of its activities (which learners cannot open in a draft module).
      await refuseIfAssigned(tx, { OR: [{ moduleId: before.id }, { activity: { moduleId: before.id } }] }, `The module “${before.title}”`);
    }
    await tx.module.update({ where: { id: before.id }, data: { status } });
    await recordAudit(tx, actor, {
      action: status === "PUBLISHED" ? "module.publish" : "module.unpublish",
      targetType: "Module",
      targetId: before.id,
      summary: `${status === "PUBLISHED" ? "Published" : "Unpublished"} the module “${before.title}”`,
      before: { status: before.status },
      after: { status },
    });
  });
  forgetPublishedLessons();
}

export const ZNewModuleForm = z.object({
  slug: z.string().max(120).default(""),
  title: z.string().max(300).default(""),
  summary: z.string().max(4_000).default(""),
});

/** Adds a draft module after the last one, checked by the module file's schema. Audited. */
export async function createModule(actor: TCurrentUser, form: z.infer<typeof ZNewModuleForm>) {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const last = await tx.module.aggregate({ _max: { order: true } });
    const parsed = ZModule.safeParse({
      slug: form.slug.trim(),
      order: (last._max.order ?? -1) + 1,
      title: form.title,
      summary: form.summary,
      sources: [],
      timeline: [],
      keyTerms: [],
      showMap: false,
    });
    if (!parsed.success) throw new FieldsError(fieldErrorsOf(parsed.error));
    const m = parsed.data;
    if (await tx.module.findUnique({ where: { slug: m.slug }, select: { id: true } })) {
      throw new FieldsError({ slug: `A module with the slug “${m.slug}” already exists.` });
    }
    const created = await tx.module.create({
      data: { slug: m.slug, order: m.order, title: m.title, summary: m.summary, timeline: [], keyTerms: [], showMap: false, status: "DRAFT" },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, actor, {
      action: "module.create",
      targetType: "Module",
      targetId: created.id,
      summary: `Added the module “${m.title}” as a draft`,
      after: { slug: m.slug, order: m.order, title: m.title, summary: m.summary },
    });
    return created;
  });
}
