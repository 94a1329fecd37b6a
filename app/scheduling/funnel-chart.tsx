// The funnel's bar chart (loaded lazily: Recharts is large).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";

export default function FunnelChart({ rows }: { rows: { name: string; count: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fill: "#333" }} />
        <YAxis type="category" dataKey="name" width={150} tick={{ fill: "#333", fontSize: 12 }} />
        <Bar dataKey="count" fill="#1a5e63" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
