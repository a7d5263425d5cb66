/**
 * A table's box: on a narrow screen a wide table scrolls sideways inside it instead of the whole page.
 * NOTE: `relative` keeps the table's screen-reader-only text (absolutely positioned) inside the box; without
 * it that text is placed against the page and widens it anyway.
 */
export function TableScroll({ children }: { children: React.ReactNode }) {
  return <div className="relative overflow-x-auto">{children}</div>;
}
