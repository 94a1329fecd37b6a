// Category scores as a bar chart. Recharts draws only in the browser; the table beside it carries
// the same figures for screen readers, print and pages without JavaScript.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { legendText } from "~/charts/legend";
import { CHART_GRID, CHART_INK } from "~/charts/palette";
import { useHydrated } from "~/lib/use-hydrated";

export interface ScoreSeries {
  key: string;
  label: string;
  color: string;
}

export function ScoreChart({
  rows,
  series,
  labelledBy,
}: {
  rows: Record<string, string | number | null>[];
  series: ScoreSeries[];
  labelledBy: string;
}) {
  const hydrated = useHydrated();
  // On a phone the category names take less of the width, so the bars keep some.
  const narrow = hydrated && window.innerWidth < 480;
  return (
    // Hidden from assistive technology: the table beside it (labelled by the same caption) carries the figures.
    <div className="score-chart" aria-hidden="true" data-caption={labelledBy}>
      {hydrated ? (
        <ResponsiveContainer width="100%" height={Math.max(260, rows.length * series.length * 14 + 80)}>
          <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={CHART_GRID} />
            <XAxis type="number" domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} tick={{ fill: CHART_INK }} />
            <YAxis type="category" dataKey="name" width={narrow ? 96 : 150} tick={{ fontSize: 12, fill: CHART_INK }} />
            <Tooltip />
            <Legend formatter={legendText} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
