"use client";

import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import type { TTerm } from "@/lib/content/schemas";
import { describeTerm } from "@/lib/content/term-matcher";

const STORAGE_KEY = "crosscheck:lens";
// NOTE: "storage" events only reach other tabs, so lenses on the same page sync through this one.
const SYNC_EVENT = "crosscheck:lens-change";
const TERM = ".term[data-term]";

type TTermLensProps = { terms: TTerm[]; children: ReactNode; label?: string };

/** Wraps server-rendered text and explains its contested terms on focus or hover while the lens is on. */
export function TermLens({ terms, children, label = "Contested-terms lens" }: TTermLensProps) {
  const uid = useId();
  const contentRef = useRef<HTMLDivElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const closeTimer = useRef<number | undefined>(undefined);
  const [on, setOn] = useState(true);
  const [presentIds, setPresentIds] = useState<string[]>([]);
  const [open, setOpen] = useState<{ el: HTMLElement; term: TTerm } | null>(null);
  const byId = useMemo(() => new Map(terms.map((t) => [t.id, t])), [terms]);
  const descId = useCallback((termId: string) => `${uid}-desc-${termId}`, [uid]);

  useEffect(() => {
    const read = () => {
      try { setOn(localStorage.getItem(STORAGE_KEY) !== "off"); } catch { /* storage blocked: keep the default */ }
    };
    read();
    window.addEventListener(SYNC_EVENT, read);
    window.addEventListener("storage", read);
    return () => { window.removeEventListener(SYNC_EVENT, read); window.removeEventListener("storage", read); };
  }, []);

  function toggle() {
    const next = !on;
    setOn(next);
    try { localStorage.setItem(STORAGE_KEY, next ? "on" : "off"); } catch { /* still toggles for this page */ }
    window.dispatchEvent(new Event(SYNC_EVENT));
  }

  // Tab stops and descriptions go on the server-rendered spans directly; only the first of each term is focusable.
  useEffect(() => {
    const els = [...(contentRef.current?.querySelectorAll<HTMLElement>(TERM) ?? [])];
    setPresentIds([...new Set(els.map((el) => el.dataset.term ?? ""))].filter((id) => byId.has(id)));
    const seen = new Set<string>();
    for (const el of els) {
      const id = el.dataset.term ?? "";
      if (on && byId.has(id)) {
        el.setAttribute("aria-describedby", descId(id));
        if (seen.has(id)) el.removeAttribute("tabindex");
        else { el.tabIndex = 0; seen.add(id); }
      } else {
        el.removeAttribute("tabindex");
        el.removeAttribute("aria-describedby");
      }
    }
    if (!on) setOpen(null);
  }, [on, byId, children, descId]);

  useEffect(() => {
    const root = contentRef.current;
    if (!on || !root) return;
    const termOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<HTMLElement>(TERM) : null);
    const show = (e: Event) => {
      const el = termOf(e.target);
      const term = el && byId.get(el.dataset.term ?? "");
      if (!el || !term) return;
      window.clearTimeout(closeTimer.current);
      setOpen((cur) => (cur?.el === el ? cur : { el, term }));
    };
    const hideOnBlur = (e: Event) => { if (termOf(e.target)) setOpen(null); };
    const hideSoon = (e: MouseEvent) => {
      const el = termOf(e.target);
      if (!el || el.contains(e.relatedTarget as Node | null)) return;
      closeTimer.current = window.setTimeout(() => setOpen(null), 150);
    };
    const listeners = [["focusin", show], ["click", show], ["mouseover", show], ["focusout", hideOnBlur], ["mouseout", hideSoon]] as const;
    for (const [type, fn] of listeners) root.addEventListener(type, fn as EventListener);
    return () => { for (const [type, fn] of listeners) root.removeEventListener(type, fn as EventListener); };
  }, [on, byId]);

  // Escape dismisses; the popover follows its term on scroll and resize, below it unless there is no room.
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const pop = popoverRef.current;
      if (!pop) return;
      const r = open.el.getClientRects()[0] ?? open.el.getBoundingClientRect();
      const vw = document.documentElement.clientWidth;
      const below = r.bottom + 8 + pop.offsetHeight <= window.innerHeight || r.top - 8 - pop.offsetHeight < 0;
      pop.style.left = `${Math.max(8, Math.min(r.left, vw - pop.offsetWidth - 8))}px`;
      pop.style.top = `${below ? r.bottom + 8 : r.top - 8 - pop.offsetHeight}px`;
    };
    const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") setOpen(null); };
    place();
    document.addEventListener("keydown", onKey);
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [open]);

  useEffect(() => () => window.clearTimeout(closeTimer.current), []);

  const shownName = open?.el.textContent ?? "";
  return (
    <div data-lens={on ? "on" : "off"}>
      <div className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1">
        <button
          type="button"
          aria-pressed={on}
          onClick={toggle}
          className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 aria-pressed:border-amber-700 aria-pressed:bg-[#fff4d6]"
        >
          <span aria-hidden="true" className={`size-2.5 rounded-full ${on ? "bg-amber-700" : "border border-slate-500"}`} />
          <span>
            {label}
            <span aria-hidden="true">: {on ? "on" : "off"}</span>
          </span>
        </button>
        {on && <span className="text-sm text-muted">Point at or focus an underlined name to see who uses it.</span>}
      </div>
      <div ref={contentRef}>{children}</div>
      {on && presentIds.map((id) => (
        <div key={id} id={descId(id)} hidden>{describeTerm(byId.get(id)!)}</div>
      ))}
      {open && createPortal(
        <div
          ref={popoverRef}
          id={`${uid}-popover`}
          role="tooltip"
          onMouseEnter={() => window.clearTimeout(closeTimer.current)}
          onMouseLeave={() => setOpen(null)}
          className="fixed z-50 w-[min(22rem,calc(100vw-1rem))] rounded-md border border-slate-300 bg-white p-3 text-left font-sans text-sm leading-snug text-ink shadow-lg"
        >
          <p className="font-semibold">{open.term.neutral}</p>
          <p className="mt-1">{open.term.note}</p>
          <ul className="mt-2 space-y-1 border-t border-slate-200 pt-2">
            {open.term.variants.map((v) => (
              <li key={v.name}>
                <span className="font-medium">“{v.name}”</span>
                {v.name === shownName && <span className="text-muted"> (used here)</span>}: {v.usedBy}
              </li>
            ))}
          </ul>
        </div>,
        document.body,
      )}
    </div>
  );
}
