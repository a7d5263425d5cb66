import { z } from "zod";

/**
 * A calendar date as YYYY-MM-DD that exists (not 2026-02-30). Calendar dates stay strings so that content
 * never shifts with the reader's time zone.
 */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date as YYYY-MM-DD")
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, "There is no such date in the calendar");

const ZSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, e.g. kuzio-2021-anniversary");
const ZText = z.string().trim().min(1, "This cannot be empty");

/** Drafts are seen only by admins; files leave the field out for published content. */
export const ZStatus = z.enum(["published", "draft"]).default("published");

export const VOICES = ["azerbaijani", "armenian", "turkish", "russian", "other-country", "unknown"] as const;
export type TVoice = (typeof VOICES)[number];
export const VOICE_LABELS: Record<TVoice, string> = {
  azerbaijani: "Azerbaijani author or outlet",
  armenian: "Armenian or Karabakh Armenian author or outlet",
  turkish: "Turkish author or outlet",
  russian: "Russian author or outlet",
  "other-country": "Author or outlet from a third country",
  unknown: "Author and base not stated",
};

export const ZAuthor = z.object({
  name: ZText,
  affiliation: ZText,
});

/**
 * A link a learner may follow: http or https only. `z.url()` alone accepts `javascript:` and `data:`,
 * which would run in the learner's page when clicked.
 */
export const ZWebUrl = z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://" });

export const ZSourceFrontmatter = z.object({
  slug: ZSlug,
  title: ZText,
  // NOTE: [] is allowed because two sources carry no byline; bylineNote then says so.
  authors: z.array(ZAuthor),
  bylineNote: ZText.optional(),
  outlet: z.object({ name: ZText, kind: ZText, url: ZWebUrl.nullable() }),
  republishedBy: z.object({ name: ZText, url: ZWebUrl.nullable(), date: ZIsoDate }).optional(),
  publishedAt: ZIsoDate,
  dateNote: ZText.optional(),
  url: ZWebUrl.nullable(),
  urlNote: ZText.optional(),
  genre: z.enum(["news-report", "analysis", "opinion", "perspective-essay"]),
  stanceStatement: ZText.nullable(),
  /** Where the byline and the outlet place the text (for the coverage report), not a judgement of its stance. */
  voice: z.enum(VOICES),
  voiceNote: ZText.optional(),
  rights: ZText,
  language: z.literal("en"),
  status: ZStatus,
});

/**
 * The body is plain text that evidence highlighting indexes by character offset,
 * so anything that would render differently from how it is stored is rejected.
 */
export const ZSourceBody = z
  .string()
  .min(1)
  .refine((b) => !/\r|\t|\u00a0/.test(b), "Body must not contain CR, tabs or no-break spaces")
  .refine((b) => !/\n{3,}/.test(b), "Paragraphs must be separated by exactly one blank line")
  .refine((b) => !/\]\(|\*\*/.test(b), "Body must be plain text (no markdown links or bold)")
  .refine((b) => b.split("\n\n").every((p) => p.length > 0 && !p.includes("\n")), "Each paragraph must be one line");

export const ZSource = ZSourceFrontmatter.extend({ body: ZSourceBody }).refine(
  (s) => s.authors.length > 0 || s.bylineNote !== undefined,
  { message: "A source without authors needs a byline note (bylineNote) that says so", path: ["bylineNote"] },
);

export const ZTerm = z.object({
  id: ZSlug,
  neutral: ZText,
  note: ZText,
  /** `notIn`: phrases holding the name in which it is not the contested usage ("Karabakh Armenians"). */
  variants: z.array(z.object({ name: ZText, usedBy: ZText, notIn: z.array(ZText).optional() })).min(1),
});

export const ZTerms = z.object({ terms: z.array(ZTerm).min(1) });

export const ZTimelineEvent = z.object({ date: ZIsoDate, label: ZText, detail: ZText });

export const ZModule = z.object({
  slug: ZSlug,
  order: z.number().int().min(0),
  title: ZText,
  summary: ZText,
  sources: z.array(ZSlug),
  timeline: z.array(ZTimelineEvent),
  keyTerms: z.array(z.object({ term: ZText, definition: ZText })),
  showMap: z.boolean(),
  status: ZStatus,
});

export const ZLessonFrontmatter = z.object({
  slug: ZSlug,
  title: ZText,
  summary: ZText,
  minutes: z.number().int().positive(),
  status: ZStatus,
});

export const ZLesson = ZLessonFrontmatter.extend({ body: ZText });

export type TAuthor = z.infer<typeof ZAuthor>;
export type TSource = z.infer<typeof ZSource>;
export type TTerm = z.infer<typeof ZTerm>;
export type TTerms = z.infer<typeof ZTerms>;
export type TTimelineEvent = z.infer<typeof ZTimelineEvent>;
export type TModule = z.infer<typeof ZModule>;
export type TLesson = z.infer<typeof ZLesson>;
