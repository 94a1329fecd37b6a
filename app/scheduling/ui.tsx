// Small pieces shared by the scheduling pages.
import { BarsWithTable } from "~/charts/bars-with-table";
import { useFormat, useT } from "~/i18n/react";
import { jstParts } from "~/lib/fiscal-year";

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
  const rows = [
    { name: t("scheduling.funnel.onDemand"), count: funnel.onDemand },
    { name: t("scheduling.funnel.group"), count: funnel.group },
    { name: t("scheduling.funnel.practical"), count: funnel.practical },
  ];
  const caption = t("scheduling.funnel.caption", { year: format.fiscalYear(funnel.fiscalYear) });
  return (
    <section className="panel funnel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("scheduling.funnel.title")}</h2>
      <BarsWithTable
        rows={rows}
        caption={caption}
        height={180}
        figureClassName="funnel-figure"
        nameHeader={t("scheduling.funnel.stage")}
        countHeader={t("scheduling.funnel.count")}
        countText={(count) => t("scheduling.funnel.people", { count })}
      />
      {funnel.reported ? <p className="muted small">{t("scheduling.funnel.reported")}</p> : null}
    </section>
  );
}
