import type { TPublicQuestion } from "@/lib/content/public-activity";

export type TQuestionOf<T extends TPublicQuestion["type"]> = Extract<TPublicQuestion, { type: T }>;
export type TQuestionProps<T extends TPublicQuestion["type"], V> = {
  question: TQuestionOf<T>;
  value: V | undefined;
  onChange: (value: V) => void;
  disabled?: boolean;
};
export type TSourceText = { slug: string; title: string; body: string };
