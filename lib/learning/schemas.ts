import { z } from "zod";

export const ZLessonRef = z.object({ lessonId: z.string().min(1).max(100) });
export const ZSetLessonCompleteInput = ZLessonRef.extend({ completed: z.boolean() });
export const ZRecordLessonVisitInput = ZLessonRef.extend({ position: z.number().min(0).max(1) });
export type TSetLessonCompleteInput = z.infer<typeof ZSetLessonCompleteInput>;
export type TRecordLessonVisitInput = z.infer<typeof ZRecordLessonVisitInput>;
