// Action-plan items by status, month by month: a stacked bar chart with the same figures in a table.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { legendText } from "~/charts/legend";
import { CHART_COLORS, CHART_GRID, CHART_INK } from "~/charts/palette";
import { TableDisclosure } from "~/charts/table-disclosure";
import { useHydrated } from "~/lib/use-hydrated";
import { useT } from "~/i18n/react";
import { ITEM_STATUSES, type TimelineRow } from "./status-timeline";
import { FiguresTable } from "~/components/data-table";

// Okabe–Ito (decision 048): told apart without colour vision, each at 3:1 or more on white.
const COLORS = {
  PLANNED: CHART_COLORS.grey,
  IN_PROGRESS: CHART_COLORS.blue,
  DONE: CHART_COLORS.bluishGreen,
  DROPPED: CHART_COLORS.vermillion,
} as const;

export function StatusChart({ rows, id }: { rows: TimelineRow[]; id: string }) {
  const t = useT();
  const hydrated = useHydrated();
  const captionId = `${id}-caption`;
  return (
    <figure className="chart-figure">
      <figcaption id={captionId}>{t("cycle.plan.chart.caption")}</figcaption>
      <div className="score-chart" role="img" aria-labelledby={captionId}>
        {hydrated ? (
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={rows} margin={{ left: 0, right: 8, top: 8, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={CHART_GRID} />
              <XAxis dataKey="month" tick={{ fontSize: 11, fill: CHART_INK }} />
              <YAxis allowDecimals={false} tick={{ fill: CHART_INK }} />
              <Tooltip />
              <Legend formatter={legendText} />
              {ITEM_STATUSES.map((s) => (
                <Bar
                  key={s}
                  dataKey={s}
                  stackId="s"
                  name={t(`cycle.itemStatus.${s}`)}
                  fill={COLORS[s]}
                  stroke="#ffffff"
                  strokeWidth={1}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : null}
      </div>
      <TableDisclosure>
        <FiguresTable
          caption={t("cycle.plan.chart.caption")}
          captionHidden
          rowHeader={t("cycle.plan.chart.month")}
          columns={ITEM_STATUSES.map((s) => ({ key: s, header: t(`cycle.itemStatus.${s}`), cell: (r: TimelineRow) => r[s] }))}
          rows={rows}
          rowKey={(r) => r.month}
          rowName={(r) => r.month}
        />
      </TableDisclosure>
    </figure>
  );
}
