import { z } from "zod";

const ZSlug = z.string().regex(/^[a-z0-9-]{1,100}$/, "Unknown lesson.");

/**
 * A lesson is named by its slugs, not its row id: the lesson page is cached (decision 007), and slugs
 * stay the same whatever database the cached page is served against.
 */
export const ZLessonRef = z.object({ moduleSlug: ZSlug, lessonSlug: ZSlug });
export const ZSetLessonCompleteInput = ZLessonRef.extend({ completed: z.boolean() });
export const ZRecordLessonVisitInput = ZLessonRef.extend({ position: z.number().min(0).max(1) });
export type TLessonRef = z.infer<typeof ZLessonRef>;
export type TSetLessonCompleteInput = z.infer<typeof ZSetLessonCompleteInput>;
export type TRecordLessonVisitInput = z.infer<typeof ZRecordLessonVisitInput>;
