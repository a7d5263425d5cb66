"use client";

import { FormField } from "@/components/forms/form-field";
import { FormSelect } from "@/components/forms/form-select";
import { FormTextarea } from "@/components/forms/form-textarea";
import type { TSourceForm } from "@/lib/authoring/source-form";

const GENRES = [
  { value: "news-report", label: "News report" },
  { value: "analysis", label: "Analysis" },
  { value: "opinion", label: "Opinion" },
  { value: "perspective-essay", label: "Commissioned perspective essay" },
];
const VOICES = [
  { value: "unknown", label: "Author and base not stated" },
  { value: "azerbaijani", label: "Azerbaijani author or outlet" },
  { value: "armenian", label: "Armenian or Karabakh Armenian author or outlet" },
  { value: "turkish", label: "Turkish author or outlet" },
  { value: "russian", label: "Russian author or outlet" },
  { value: "other-country", label: "Author or outlet from a third country" },
];

/** The provenance card and the text of a source, laid out as the card reads; used to add and to edit. */
export function SourceFormFields({ values, editing, bodyLocked }: { values?: TSourceForm; editing?: boolean; bodyLocked?: boolean }) {
  const v = values;
  return (
    <>
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 font-semibold">The article</legend>
        <FormField label="Title, exactly as published" name="title" defaultValue={v?.title} required />
        {editing ? (
          <p className="text-sm">Slug: <code>{v?.slug}</code> (fixed: questions refer to it)</p>
        ) : (
          <FormField label="Slug (lower-case words joined by hyphens, e.g. outlet-2024-topic)" name="slug" defaultValue={v?.slug} required />
        )}
        <FormTextarea
          label="Authors"
          name="authors"
          rows={3}
          hint="One per line: name — affiliation. Leave empty when there is no byline, and say so in the byline note."
          defaultValue={v?.authors}
        />
        <FormField label="Byline note (optional)" name="bylineNote" defaultValue={v?.bylineNote} />
        <FormField label="Date first published (YYYY-MM-DD)" name="publishedAt" defaultValue={v?.publishedAt} required />
        <FormField label="Date note (optional)" name="dateNote" defaultValue={v?.dateNote} />
        <FormField label="Original link (leave empty if unknown)" name="url" type="url" defaultValue={v?.url} />
        <FormField label="Link note (optional, e.g. why the link is unknown)" name="urlNote" defaultValue={v?.urlNote} />
      </fieldset>
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 font-semibold">The outlet</legend>
        <FormField label="Outlet name" name="outletName" defaultValue={v?.outletName} required />
        <FormField label="What kind of organisation it is" name="outletKind" defaultValue={v?.outletKind} required />
        <FormField label="Outlet's website (optional)" name="outletUrl" type="url" defaultValue={v?.outletUrl} />
        <FormSelect label="Genre" name="genre" options={GENRES} defaultValue={v?.genre ?? "news-report"} />
        <FormTextarea
          label="The outlet's own stance statement, quoted (optional)"
          name="stanceStatement"
          rows={2}
          hint="Only what the outlet says about itself in this article; leave empty if it says nothing."
          defaultValue={v?.stanceStatement}
        />
        <FormSelect
          label="Whose voice"
          name="voice"
          options={VOICES}
          defaultValue={v?.voice ?? "unknown"}
          hint="Where the byline and the outlet place the text, for the coverage report; not a judgement of its stance."
        />
        <FormField label="Voice note (optional)" name="voiceNote" defaultValue={v?.voiceNote} />
        <FormField label="Rights line" name="rights" defaultValue={v?.rights ?? "Not stated in the article; © the publisher"} required />
      </fieldset>
      <FormTextarea
        label="Text of the article"
        name="body"
        rows={16}
        className="font-serif"
        hint={
          bodyLocked
            ? "Learners have answered questions on this text and their highlights point into it, so it can no longer change. To publish a corrected text, add it as a new source."
            : "Paste the article's text only, without the site's menus, share buttons, cookie lines or comment forms. Paragraphs are kept; line breaks inside a paragraph and spacing are tidied on saving. Headings start with ## ."
        }
        defaultValue={v?.body}
        readOnly={bodyLocked}
        required
      />
    </>
  );
}
