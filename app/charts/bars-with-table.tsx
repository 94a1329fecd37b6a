// Counts as a horizontal bar chart (drawn after hydration, hidden from assistive technology) with the same
// counts as a table behind a "show the table" disclosure: the training funnel and the survey's rating questions.
import { lazy, Suspense, type ReactNode } from "react";
import { DataTable } from "~/components/data-table";
import { useHydrated } from "~/lib/use-hydrated";
import { TableDisclosure } from "./table-disclosure";

const BarChart = lazy(() => import("~/scheduling/funnel-chart"));

export interface BarRow {
  name: string;
  count: number;
}

export function BarsWithTable({
  rows,
  caption,
  captionHidden = false,
  height,
  figureClassName,
  nameHeader,
  countHeader,
  countText = (count) => count,
}: {
  rows: BarRow[];
  caption: string;
  /** The figure's caption read but not shown (a heading above already says it). */
  captionHidden?: boolean;
  height: number;
  figureClassName?: string;
  nameHeader: string;
  countHeader: string;
  countText?: (count: number) => ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <>
      <figure className={figureClassName}>
        <div className="chart" aria-hidden="true" style={{ height }}>
          {hydrated ? (
            <Suspense fallback={null}>
              <BarChart rows={rows} />
            </Suspense>
          ) : null}
        </div>
        <figcaption className={captionHidden ? "visually-hidden" : undefined}>{caption}</figcaption>
      </figure>
      <TableDisclosure>
        <DataTable caption={caption} captionHidden>
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col" className="num">
                {countHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="num">{countText(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </TableDisclosure>
    </>
  );
}
