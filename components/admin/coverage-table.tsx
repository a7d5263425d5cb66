import Link from "next/link";
import { DraftBadge } from "@/components/ui/draft-badge";
import { useId } from "react";
import {
  GENRES,
  SIDE_LABELS,
  STANCE_COUNTS,
  type TCoverageFlag,
  type TCoverageGroup,
  type TCoverageReport,
  type TCoverageSource,
  type TGenre,
} from "@/lib/authoring/coverage";
import { VOICES, VOICE_LABELS } from "@/lib/content/schemas";
import { TableScroll } from "@/components/ui/table-scroll";

const GENRE_LABELS: Record<TGenre, string> = {
  "news-report": "News report",
  analysis: "Analysis",
  opinion: "Opinion",
  "perspective-essay": "Commissioned perspective essay",
};
const FLAG_LABELS: Record<TCoverageFlag["kind"], string> = {
  "one-sided": "Mostly one side",
  "missing-perspective": "Missing perspective",
  "unkeyed-stance": "No stance key",
  "conflicting-keys": "Keys disagree",
};

/** "Opinion 2 · Analysis 1": only the values that occur, in the schema's order. */
function countLine<K extends string>(keys: readonly K[], counts: Record<K, number>, label: (k: K) => string) {
  const parts = keys.filter((k) => counts[k] > 0).map((k) => `${label(k)} ${counts[k]}`);
  return parts.length > 0 ? parts.join(" · ") : "none";
}

function Flags({ flags }: { flags: TCoverageFlag[] }) {
  if (flags.length === 0) return <p className="text-sm text-muted">No flags: this set meets every check in the report.</p>;
  return (
    <div className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        {flags.length === 1 ? "1 thing to check" : `${flags.length} things to check`}
      </p>
      <ul role="list" className="mt-2 flex list-disc flex-col gap-1 pl-5 text-sm">
        {flags.map((f) => (
          <li key={`${f.kind}:${f.message}`}>
            <span className="font-semibold">{FLAG_LABELS[f.kind]}:</span> {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Stance({ source }: { source: TCoverageSource }) {
  if (source.keys.length === 0) return <span className="text-muted">Not yet keyed</span>;
  const keys = source.conflicting ? source.keys : source.keys.slice(0, 1);
  return (
    <ul role="list" className="flex flex-col gap-1">
      {keys.map((k) => (
        <li key={`${k.activitySlug}:${k.optionId}`}>
          {k.label}{" "}
          <span className="block text-xs text-muted">
            Keyed in “{k.activityTitle}”, citing {k.cites === 1 ? "1 passage" : `${k.cites} passages`}
          </span>
        </li>
      ))}
      {source.conflicting && <li className="text-xs font-semibold text-amber-900">These keys disagree</li>}
    </ul>
  );
}

function CoverageSection({ group, heading, scope }: { group: TCoverageGroup; heading: string; scope: string }) {
  const headingId = useId();
  const cell = "border border-slate-200 p-2 align-top";
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-xl font-semibold">{heading}</h2>
      <Flags flags={group.flags} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium">By genre</dt>
        <dd>{countLine(GENRES, group.byGenre, (g) => GENRE_LABELS[g])}</dd>
        <dt className="font-medium">By voice</dt>
        <dd>{countLine(VOICES, group.byVoice, (v) => VOICE_LABELS[v])}</dd>
        <dt className="font-medium">By keyed stance</dt>
        <dd>{countLine(STANCE_COUNTS, group.byStance, (s) => SIDE_LABELS[s])}</dd>
      </dl>
      <TableScroll>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-1 text-left text-muted">
            {group.sources.length === 1 ? "1 source" : `${group.sources.length} sources`} in {scope}: genre, voice
            (where the byline and outlet place the text) and stance as the answer keys defend it
          </caption>
          <thead>
            <tr className="bg-slate-50">
              <th scope="col" className={cell}>Source</th>
              <th scope="col" className={cell}>Genre</th>
              <th scope="col" className={cell}>Voice</th>
              <th scope="col" className={cell}>Stance</th>
            </tr>
          </thead>
          <tbody>
            {group.sources.map((s) => (
              <tr key={s.slug}>
                <th scope="row" className={`${cell} font-medium`}>
                  <Link href={`/learn/sources/${s.slug}`} className="text-accent underline underline-offset-2 hover:text-accent-strong">
                    {s.title}
                  </Link>
                  {s.draft && <DraftBadge status="DRAFT" />}
                </th>
                <td className={cell}>{GENRE_LABELS[s.genre]}</td>
                <td className={cell}>{VOICE_LABELS[s.voice]}</td>
                <td className={cell}><Stance source={s} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/**
 * The admin coverage report: per module, which genres, voices and keyed stances its sources cover and
 * what is flagged, then the same for the whole course, so authors see imbalance before students do.
 */
export function CoverageTable({ report }: { report: TCoverageReport }) {
  return (
    <div className="flex flex-col gap-6">
      {report.modules.map((g) => (
        <CoverageSection key={g.slug} group={g} heading={g.title} scope={`the module “${g.title}”`} />
      ))}
      <CoverageSection group={report.course} heading="Course summary" scope="the whole course" />
    </div>
  );
}
