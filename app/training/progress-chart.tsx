// The bar chart of the training progress panel (loaded lazily: Recharts is large).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";

export default function ProgressChart({ rows }: { rows: { name: string; percent: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fill: "#333" }} />
        <YAxis type="category" dataKey="name" width={110} tick={{ fill: "#333", fontSize: 13 }} />
        <Bar dataKey="percent" fill="#1a5e63" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
