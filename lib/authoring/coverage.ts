import type { TCourse } from "@/lib/content/load-course";
import { VOICES, ZSourceFrontmatter, type TSource, type TVoice } from "@/lib/content/schemas";

export type TGenre = TSource["genre"];
export type TStanceSide = "azerbaijani" | "armenian" | "russian" | "reporting";
/** One answer key's verdict on a source's stance, with where it is defended. */
export type TStanceKey = {
  side: TStanceSide;
  optionId: string;
  label: string;
  cites: number;
  activitySlug: string;
  activityTitle: string;
  moduleSlug: string;
};
export type TCoverageSource = {
  slug: string;
  title: string;
  genre: TGenre;
  voice: TVoice;
  /** Drafts count, so an admin sees what publishing them would change; the table marks them. */
  draft: boolean;
  /** The first key in course order, or null when no perspective question asks about the source. */
  stance: TStanceKey | null;
  keys: TStanceKey[];
  conflicting: boolean;
};
export type TCoverageFlag = { kind: "one-sided" | "missing-perspective" | "unkeyed-stance" | "conflicting-keys"; message: string };
export type TStanceCount = TStanceSide | "not-keyed" | "conflicting";
export type TCoverageGroup = {
  title: string;
  slug: string;
  sources: TCoverageSource[];
  byGenre: Record<TGenre, number>;
  byVoice: Record<TVoice, number>;
  byStance: Record<TStanceCount, number>;
  flags: TCoverageFlag[];
};
export type TCoverageReport = { modules: TCoverageGroup[]; course: TCoverageGroup };

export const GENRES = ZSourceFrontmatter.shape.genre.options;
export const STANCE_COUNTS = ["azerbaijani", "armenian", "russian", "reporting", "not-keyed", "conflicting"] as const;
export const SIDE_LABELS: Record<TStanceCount, string> = {
  azerbaijani: "pro-Azerbaijani",
  armenian: "pro-Armenian",
  russian: "pro-Russian",
  reporting: "reporting without taking a side",
  "not-keyed": "not yet keyed",
  conflicting: "keys disagree",
};
const PARTISAN = ["azerbaijani", "armenian", "russian"] as const;

/** Answer option ids carry the side as a prefix; everything else is reporting, neutral or mixed. */
export function sideOf(optionId: string): TStanceSide {
  for (const side of PARTISAN) if (optionId.startsWith(`pro-${side}`)) return side;
  return "reporting";
}

/** Stance lives in the answer keys, not on the card: gather every stance axis answer, course-wide. */
function stanceKeys(course: TCourse): Map<string, TStanceKey[]> {
  const keys = new Map<string, TStanceKey[]>();
  for (const m of course.modules) {
    for (const a of m.activities) {
      for (const q of a.questions) {
        if (q.type !== "perspective") continue;
        for (const axis of q.axes) {
          if (axis.axis !== "stance") continue;
          const option = axis.options.find((o) => o.id === axis.answer);
          keys.set(q.source, [
            ...(keys.get(q.source) ?? []),
            {
              side: sideOf(axis.answer),
              optionId: axis.answer,
              label: option?.text ?? axis.answer,
              cites: axis.cites.length,
              activitySlug: a.slug,
              activityTitle: a.title,
              moduleSlug: m.slug,
            },
          ]);
        }
      }
    }
  }
  return keys;
}

const zeros = <K extends string>(ks: readonly K[]) => Object.fromEntries(ks.map((k) => [k, 0])) as Record<K, number>;
const quoted = (s: { title: string }) => `“${s.title}”`;
const stanceOf = (s: TCoverageSource): TStanceCount => (s.conflicting ? "conflicting" : (s.stance?.side ?? "not-keyed"));

/** Perspectives a balanced set should include; each one missing becomes its own flag. */
const PERSPECTIVES: Array<{ has: (s: TCoverageSource) => boolean; missing: string }> = [
  { has: (s) => s.voice === "armenian", missing: "No source by an Armenian or Karabakh Armenian author or outlet" },
  { has: (s) => s.voice === "azerbaijani", missing: "No source by an Azerbaijani author or outlet" },
  { has: (s) => stanceOf(s) === "armenian", missing: "No source keyed as pro-Armenian by an answer key" },
  { has: (s) => stanceOf(s) === "azerbaijani", missing: "No source keyed as pro-Azerbaijani by an answer key" },
  { has: (s) => stanceOf(s) === "reporting", missing: "No source keyed as reporting without taking a side" },
];

function flagsFor(sources: TCoverageSource[]): TCoverageFlag[] {
  const flags: TCoverageFlag[] = [];
  const keyed = sources.filter((s) => s.stance && !s.conflicting);
  for (const side of PARTISAN) {
    const on = keyed.filter((s) => s.stance?.side === side);
    if (on.length * 2 <= keyed.length) continue;
    const cites = on.reduce((n, s) => n + (s.stance?.cites ?? 0), 0);
    flags.push({
      kind: "one-sided",
      message: `${on.length} of ${keyed.length} sources with a stance key are keyed as ${SIDE_LABELS[side]} by their answer keys, which cite ${cites} passages: ${on.map(quoted).join(", ")}`,
    });
  }
  for (const p of PERSPECTIVES) {
    if (!sources.some(p.has)) flags.push({ kind: "missing-perspective", message: p.missing });
  }
  for (const s of sources.filter((x) => !x.stance)) {
    flags.push({ kind: "unkeyed-stance", message: `${quoted(s)} is not yet keyed: no perspective question asks for its stance` });
  }
  for (const s of sources.filter((x) => x.conflicting)) {
    const where = s.keys.map((k) => `${SIDE_LABELS[k.side]} in “${k.activityTitle}”`).join(", but as ");
    flags.push({ kind: "conflicting-keys", message: `Answer keys disagree on ${quoted(s)}: keyed as ${where}` });
  }
  return flags;
}

function group(title: string, slug: string, sources: TCoverageSource[]): TCoverageGroup {
  const byGenre = zeros(GENRES);
  const byVoice = zeros(VOICES);
  const byStance = zeros(STANCE_COUNTS);
  for (const s of sources) {
    byGenre[s.genre] += 1;
    byVoice[s.voice] += 1;
    byStance[stanceOf(s)] += 1;
  }
  return { title, slug, sources, byGenre, byVoice, byStance, flags: flagsFor(sources) };
}

/**
 * Builds the admin coverage report: which genres, voices and keyed stances each module's sources cover,
 * so that an author sees a module leaning on one side or missing a perspective before students do.
 * Pure: it reads only the loaded course, so it can run on content files in tests and scripts alike.
 */
export function computeCoverage(course: TCourse): TCoverageReport {
  const keys = stanceKeys(course);
  const rows = new Map<string, TCoverageSource>(
    course.sources.map((s) => {
      const ks = keys.get(s.slug) ?? [];
      const conflicting = new Set(ks.map((k) => k.side)).size > 1;
      return [s.slug, { slug: s.slug, title: s.title, genre: s.genre, voice: s.voice, draft: s.status === "draft", stance: ks[0] ?? null, keys: ks, conflicting }];
    }),
  );
  const modules = course.modules.map((m) => {
    // A module uses the sources it lists and any its activities add.
    const slugs = [...new Set([...m.sources, ...m.activities.flatMap((a) => a.sources)])];
    const sources = slugs.flatMap((slug) => rows.get(slug) ?? []);
    return group(m.title, m.slug, sources);
  });
  return { modules, course: group("Whole course", "course", [...rows.values()]) };
}
