// The one table box of the application (issues 12 and 14): a table with its caption in a box that scrolls
// sideways when the table is wider than the screen (a phone's 390 px). A box that scrolls must be reachable by
// keyboard (WCAG 2.1.1; axe scrollable-region-focusable), so the server renders it as a focusable region named
// by the caption: it works without JavaScript. In the browser a ResizeObserver drops the region and its tab stop
// while the table fits (a desktop keyboard user gets no extra stop per table), and puts them back when it no longer
// fits (a narrower window, zoom, more rows, a closed disclosure opened). The focus ring is app.css's :focus-visible.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export interface DataTableProps {
  /** The table's caption; it names the scrolling region too. */
  caption: ReactNode;
  /** A heading right above already says it: the caption is for screen readers only. */
  captionHidden?: boolean;
  /** More classes on the box (e.g. roster-wrap, progress-matrix, checklist-preview). */
  className?: string;
  tableClassName?: string;
  tableId?: string;
  /** thead, tbody, tfoot. */
  children: ReactNode;
}

/** True when the box is smaller than its table: it scrolls (sideways; or down too, e.g. checklist-preview). */
export function overflows(box: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number }): boolean {
  return box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
}

export function DataTable({ caption, captionHidden, className, tableClassName, tableId, children }: DataTableProps) {
  const captionId = `${useId()}caption`;
  const box = useRef<HTMLDivElement>(null);
  // Focusable on the server and during hydration; the browser decides afterwards.
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const check = () => setScrolls(overflows(el));
    const observer = new ResizeObserver(check);
    observer.observe(el);
    const table = el.querySelector("table");
    if (table) observer.observe(table);
    check();
    return () => observer.disconnect();
  }, []);
  const region = scrolls ? ({ role: "region", tabIndex: 0, "aria-labelledby": captionId } as const) : {};
  return (
    <div ref={box} className={className ? `table-wrap ${className}` : "table-wrap"} {...region}>
      <table className={tableClassName} id={tableId}>
        <caption id={captionId} className={captionHidden ? "visually-hidden" : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export interface FiguresColumn<R> {
  key: string;
  header: ReactNode;
  /** The cell's content for one row (a number, a dash, "withheld"). */
  cell: (row: R) => ReactNode;
}

/**
 * The figures table (issue 12): one column of row names (row headers) and columns of numbers, each a
 * right-aligned cell — the table behind a chart, or a count per ward. Renders the same markup the pages wrote by hand.
 */
export function FiguresTable<R>({
  rowHeader,
  columns,
  rows,
  rowKey,
  rowName,
  ...table
}: Omit<DataTableProps, "children"> & {
  /** The header of the row-name column. */
  rowHeader: ReactNode;
  columns: FiguresColumn<NoInfer<R>>[];
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  rowName: (row: R) => ReactNode;
}) {
  return (
    <DataTable {...table}>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" className="num">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)}>
            <th scope="row">{rowName(r)}</th>
            {columns.map((c) => (
              <td key={c.key} className="num">
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
