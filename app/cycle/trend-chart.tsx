// Category averages over the years: a line chart; the page shows the same figures in a table.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useHydrated } from "~/evaluation/use-hydrated";

const PALETTE = ["#1d4ed8", "#b91c1c", "#15803d", "#7c3aed", "#b45309", "#0f766e", "#be185d", "#4b5563", "#0369a1", "#65a30d"];

export function TrendChart({
  rows,
  series,
  labelledBy,
}: {
  rows: Record<string, number | string | null>[];
  series: { key: string; label: string }[];
  labelledBy: string;
}) {
  const hydrated = useHydrated();
  return (
    <div className="score-chart" role="img" aria-labelledby={labelledBy}>
      {hydrated ? (
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} />
            <Tooltip />
            <Legend />
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={PALETTE[i % PALETTE.length]}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}

/** A light background for a 1–4 score (red → amber → green), dark text stays AA-readable on it. */
export function heatColor(value: number | null): string | undefined {
  if (value === null) return undefined;
  const hue = Math.round(((Math.min(4, Math.max(1, value)) - 1) / 3) * 120);
  return `hsl(${hue} 70% 86%)`;
}
