// Small pieces shared by the scheduling pages.
import { lazy, Suspense } from "react";
import { useHydrated } from "~/lib/use-hydrated";
import { TableDisclosure } from "~/charts/table-disclosure";
import { useFormat, useT } from "~/i18n/react";
import { jstParts } from "~/lib/fiscal-year";
import { DataTable } from "~/components/data-table";

const pad = (n: number) => String(n).padStart(2, "0");
export const jstTime = (d: Date | string) => {
  const p = jstParts(new Date(d));
  return `${pad(p.hour)}:${pad(p.minute)}`;
};

export function DayList({ days }: { days: { id: number; startsAt: string | Date; endsAt: string | Date }[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <ul className="plain-list">
      {days.map((d) => (
        <li key={d.id}>{t("scheduling.dayTime", { date: format.date(d.startsAt), start: jstTime(d.startsAt), end: jstTime(d.endsAt) })}</li>
      ))}
    </ul>
  );
}

const FunnelChart = lazy(() => import("./funnel-chart"));

export interface FunnelData {
  fiscalYear: number;
  onDemand: number;
  group: number;
  practical: number;
  reported: boolean;
}

/** The funnel as a chart (after hydration, hidden from assistive technology) with its table. */
export function FunnelPanel({ funnel, headingId = "training-funnel" }: { funnel: FunnelData; headingId?: string }) {
  const t = useT();
  const format = useFormat();
  const hydrated = useHydrated();
  const rows = [
    { name: t("scheduling.funnel.onDemand"), count: funnel.onDemand },
    { name: t("scheduling.funnel.group"), count: funnel.group },
    { name: t("scheduling.funnel.practical"), count: funnel.practical },
  ];
  const caption = t("scheduling.funnel.caption", { year: format.fiscalYear(funnel.fiscalYear) });
  return (
    <section className="panel funnel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("scheduling.funnel.title")}</h2>
      <figure className="funnel-figure">
        <div className="chart" aria-hidden="true" style={{ height: 180 }}>
          {hydrated ? (
            <Suspense fallback={null}>
              <FunnelChart rows={rows} />
            </Suspense>
          ) : null}
        </div>
        <figcaption>{caption}</figcaption>
      </figure>
      <TableDisclosure>
        <DataTable caption={caption} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("scheduling.funnel.stage")}</th>
              <th scope="col" className="num">
                {t("scheduling.funnel.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="num">{t("scheduling.funnel.people", { count: r.count })}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </TableDisclosure>
      {funnel.reported ? <p className="muted small">{t("scheduling.funnel.reported")}</p> : null}
    </section>
  );
}
