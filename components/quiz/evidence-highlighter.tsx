"use client";

import { useId, useMemo, useRef, useState } from "react";
import { isUnitInRanges, splitIntoUnits, unitsToRanges, type TTextUnit } from "./text-units";

type TProps = {
  body: string;
  sourceTitle: string;
  ranges: [number, number][];
  onChange: (ranges: [number, number][]) => void;
  disabled?: boolean;
};

const preview = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * Highlighting evidence in a source, the same way by mouse, touch and keyboard: the text is a
 * multi-select listbox of sentences and clauses. Click or tap a sentence (or drag across several) to
 * highlight it; with the keyboard, Up/Down move, Space highlights, Home/End jump. Every change is
 * announced to screen readers.
 */
export function EvidenceHighlighter({ body, sourceTitle, ranges, onChange, disabled }: TProps) {
  const baseId = useId();
  const paragraphs = useMemo(() => splitIntoUnits(body), [body]);
  const units = useMemo(() => paragraphs.flatMap((p) => (p.heading ? [] : p.units)), [paragraphs]);
  const selected = useMemo(() => new Set(units.filter((u) => isUnitInRanges(u, ranges)).map((u) => u.id)), [units, ranges]);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const listRef = useRef<HTMLDivElement>(null);

  function commit(next: Set<string>, message: string) {
    onChange(unitsToRanges(units.filter((u) => next.has(u.id))));
    setAnnouncement(`${message} ${next.size} ${next.size === 1 ? "passage" : "passages"} highlighted.`);
  }

  function toggle(unit: TTextUnit) {
    if (disabled) return;
    const next = new Set(selected);
    const on = !next.has(unit.id);
    if (on) next.add(unit.id);
    else next.delete(unit.id);
    commit(next, `${on ? "Highlighted" : "Removed highlight"}: ${preview(unit.text)}.`);
  }

  function moveTo(index: number) {
    const clamped = Math.max(0, Math.min(units.length - 1, index));
    setActive(clamped);
    document.getElementById(`${baseId}-${units[clamped]!.id}`)?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowRight: active + 1, ArrowUp: active - 1, ArrowLeft: active - 1, Home: 0, End: units.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      const unit = units[active];
      if (unit) toggle(unit);
    }
  }

  /** A mouse or touch drag across several sentences highlights all of them. */
  function onMouseUp() {
    const selection = window.getSelection();
    if (disabled || !selection || selection.isCollapsed || !listRef.current) return;
    const touched = units.filter((u) => {
      const el = document.getElementById(`${baseId}-${u.id}`);
      return el && selection.containsNode(el, true);
    });
    selection.removeAllRanges();
    if (touched.length < 2) return;
    const next = new Set(selected);
    touched.forEach((u) => next.add(u.id));
    commit(next, `Highlighted ${touched.length} sentences.`);
  }

  const clear = () => commit(new Set(), "All highlights removed.");

  return (
    <div className="flex flex-col gap-2">
      <p id={`${baseId}-help`} className="text-sm text-muted">
        Click or tap a sentence to highlight it, or drag across several. Keyboard: focus the text, move with the
        arrow keys, press Space to highlight or un-highlight.
      </p>
      <div
        ref={listRef}
        role="listbox"
        aria-multiselectable="true"
        aria-label={`Text of “${sourceTitle}”: highlight the evidence`}
        aria-describedby={`${baseId}-help`}
        aria-activedescendant={units[active] ? `${baseId}-${units[active].id}` : undefined}
        aria-disabled={disabled || undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onMouseUp={onMouseUp}
        className="max-h-[28rem] overflow-y-auto rounded-md border border-slate-300 bg-white p-4 font-serif leading-relaxed [overflow-wrap:anywhere] focus-visible:outline-3"
      >
        {paragraphs.map((p) =>
          p.heading ? (
            <p key={p.index} className="mt-2 font-sans font-semibold" role="presentation">
              {body.slice(p.start + 3, p.units.at(-1)?.end ?? p.start)}
            </p>
          ) : (
            <p key={p.index} className="mb-3" role="presentation">
              {p.units.map((u) => {
                const index = units.indexOf(u);
                const isOn = selected.has(u.id);
                return (
                  <span
                    key={u.id}
                    id={`${baseId}-${u.id}`}
                    role="option"
                    aria-selected={isOn}
                    onClick={() => {
                      if (window.getSelection()?.isCollapsed === false) return;
                      setActive(index);
                      toggle(u);
                    }}
                    className={`cursor-pointer rounded-sm ${isOn ? "evidence-on" : "hover:bg-amber-50"} ${index === active ? "unit-active" : ""}`}
                  >
                    {u.text}{" "}
                  </span>
                );
              })}
            </p>
          ),
        )}
      </div>
      <div className="flex items-center justify-between text-sm">
        <span>{selected.size} {selected.size === 1 ? "passage" : "passages"} highlighted</span>
        <button type="button" onClick={clear} disabled={disabled || selected.size === 0} className="underline disabled:text-slate-400">
          Clear highlights
        </button>
      </div>
      <p aria-live="polite" className="sr-only">{announcement}</p>
    </div>
  );
}
