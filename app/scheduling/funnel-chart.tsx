// The funnel's bar chart (loaded lazily: Recharts is large).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { CHART_COLORS, CHART_GRID, CHART_INK } from "~/charts/palette";

export default function FunnelChart({ rows }: { rows: { name: string; count: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={CHART_GRID} />
        <XAxis type="number" allowDecimals={false} tick={{ fill: CHART_INK }} />
        <YAxis type="category" dataKey="name" width={150} tick={{ fill: CHART_INK, fontSize: 12 }} />
        <Bar dataKey="count" fill={CHART_COLORS.blue} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
