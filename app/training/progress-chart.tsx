// The bar chart of the training progress panel (loaded lazily: Recharts is large).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { CHART_COLORS, CHART_GRID, CHART_INK } from "~/charts/palette";

export default function ProgressChart({ rows }: { rows: { name: string; percent: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={CHART_GRID} />
        <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fill: CHART_INK }} />
        <YAxis type="category" dataKey="name" width={110} tick={{ fill: CHART_INK, fontSize: 13 }} />
        <Bar dataKey="percent" fill={CHART_COLORS.blue} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
