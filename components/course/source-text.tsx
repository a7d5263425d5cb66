import { useId, type ReactNode } from "react";
import type { TTerm } from "@/lib/content/schemas";
import { createTermMatcher, type TTermMatch } from "@/lib/content/term-matcher";

type TBlock = { kind: "heading" | "paragraph" | "note"; index: number; offset: number; text: string };
type TGroup = { kind: "heading"; block: TBlock } | { kind: "paragraph"; block: TBlock } | { kind: "notes"; blocks: TBlock[] };

const NOTE = /^\[\d+\]/;

/**
 * NOTE: data-offset is the body offset of the first character that is *rendered*, so that
 * offset + position in the element's text is always a body offset; for a "## " heading that
 * skips the three marker characters.
 */
function splitBody(body: string): TBlock[] {
  const blocks: TBlock[] = [];
  let offset = 0;
  body.split("\n\n").forEach((raw, index) => {
    if (raw.startsWith("## ")) blocks.push({ kind: "heading", index, offset: offset + 3, text: raw.slice(3) });
    else blocks.push({ kind: NOTE.test(raw) ? "note" : "paragraph", index, offset, text: raw });
    offset += raw.length + 2;
  });
  return blocks;
}

/** Consecutive notes form one "Notes" section, so the reading order stays the order of the body. */
function groupBlocks(blocks: TBlock[]): TGroup[] {
  const groups: TGroup[] = [];
  for (const block of blocks) {
    const last = groups[groups.length - 1];
    if (block.kind === "heading") groups.push({ kind: "heading", block });
    else if (block.kind === "paragraph") groups.push({ kind: "paragraph", block });
    else if (last?.kind === "notes") last.blocks.push(block);
    else groups.push({ kind: "notes", blocks: [block] });
  }
  return groups;
}

function withTerms(text: string, match: ((t: string) => TTermMatch[]) | null): ReactNode[] {
  if (!match) return [text];
  const nodes: ReactNode[] = [];
  let at = 0;
  for (const m of match(text)) {
    if (m.start > at) nodes.push(text.slice(at, m.start));
    nodes.push(<span key={m.start} className="term" data-term={m.termId}>{m.name}</span>);
    at = m.end;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}

/** A source body as paragraphs that keep their character offsets, with contested terms marked for the lens. */
export function SourceText({ body, terms, markTerms = true }: { body: string; terms: TTerm[]; markTerms?: boolean }) {
  const uid = useId();
  const match = markTerms ? createTermMatcher(terms) : null;
  const groups = groupBlocks(splitBody(body));
  // The first notes section is "Notes", any later one "Notes (continued)".
  const firstNotes = groups.findIndex((g) => g.kind === "notes");
  return (
    <div className="max-w-prose font-serif text-lg leading-relaxed text-ink wrap-break-word">
      {groups.map((g, groupIndex) => {
        if (g.kind === "heading") {
          // Headings stay unmarked, as in lessons, so a term is never announced as part of a heading's name.
          return (
            <h2 key={g.block.index} id={`p-${g.block.index}`} data-offset={g.block.offset} className="mt-8 mb-3 font-sans text-xl font-semibold">
              {g.block.text}
            </h2>
          );
        }
        if (g.kind === "paragraph") {
          return (
            <p key={g.block.index} id={`p-${g.block.index}`} data-offset={g.block.offset} className="my-5">
              {withTerms(g.block.text, match)}
            </p>
          );
        }
        const first = g.blocks[0]!;
        return (
          <section key={`notes-${first.index}`} aria-labelledby={`${uid}-notes-${first.index}`} className="mt-8 border-t border-slate-300 pt-4 text-sm leading-normal">
            <h2 id={`${uid}-notes-${first.index}`} className="mb-3 font-sans text-base font-semibold">
              {groupIndex === firstNotes ? "Notes" : "Notes (continued)"}
            </h2>
            {g.blocks.map((b) => (
              <p key={b.index} id={`p-${b.index}`} data-offset={b.offset} className="my-2 wrap-anywhere">
                {withTerms(b.text, match)}
              </p>
            ))}
          </section>
        );
      })}
    </div>
  );
}
