// Category averages over the years as small multiples: one small panel per category on the same 1–4 scale, so
// each trend reads on its own (nine overlapping lines on one chart did not; decision 048). Plain SVG drawn on the
// server: it shows without JavaScript and scales with its box (viewBox), down to a phone's width.
import { CHART_COLORS, CHART_GRID, CHART_INK } from "~/charts/palette";

const W = 180;
const H = 112;
const PAD = { left: 22, right: 30, top: 8, bottom: 22 };
const TICKS = [1, 2, 3, 4];

export interface TrendPanel {
  key: string;
  label: string;
  points: { x: string; value: number | null }[];
}

/** A coordinate to a tenth of a unit: finer than the screen shows, and a third of the digits in the HTML. */
const tenth = (v: number) => Math.round(v * 10) / 10;

function Panel({ panel }: { panel: TrendPanel }) {
  const n = panel.points.length;
  const x = (i: number) => tenth(PAD.left + (n <= 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (n - 1)));
  const y = (v: number) => tenth(PAD.top + ((4 - v) * (H - PAD.top - PAD.bottom)) / 3);
  const known = panel.points.map((p, i) => ({ ...p, i })).filter((p): p is { x: string; value: number; i: number } => p.value !== null);
  const last = known[known.length - 1];
  const summary = `${panel.label}: ${panel.points.map((p) => `${p.x} ${p.value === null ? "—" : p.value.toFixed(2)}`).join(", ")}`;
  return (
    <li className="mini-chart">
      <span className="mini-chart-title" aria-hidden="true">
        {panel.label}
      </span>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} focusable="false">
        {TICKS.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke={CHART_GRID} strokeWidth={1} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill={CHART_INK}>
              {tick}
            </text>
          </g>
        ))}
        {panel.points.map((p, i) =>
          // Only the first and last year are labelled: the panels are narrow on a phone.
          i === 0 || i === n - 1 ? (
            <text key={p.x} x={x(i)} y={H - 6} textAnchor={n > 1 ? (i === 0 ? "start" : "end") : "middle"} fontSize={10} fill={CHART_INK}>
              {p.x}
            </text>
          ) : null,
        )}
        {known.length > 1 ? (
          <polyline
            points={known.map((p) => `${x(p.i)},${y(p.value)}`).join(" ")}
            fill="none"
            stroke={CHART_COLORS.blue}
            strokeWidth={2.5}
            strokeLinejoin="round"
          />
        ) : null}
        {known.map((p) => (
          <circle key={p.x} cx={x(p.i)} cy={y(p.value)} r={3.5} fill={CHART_COLORS.blue} />
        ))}
        {last ? (
          <text x={x(last.i) + 6} y={y(last.value) + 4} fontSize={11} fontWeight={700} fill={CHART_INK}>
            {last.value.toFixed(1)}
          </text>
        ) : null}
      </svg>
    </li>
  );
}

export function TrendChart({ panels, labelledBy }: { panels: TrendPanel[]; labelledBy: string }) {
  return (
    <ul className="small-multiples" aria-labelledby={labelledBy}>
      {panels.map((p) => (
        <Panel key={p.key} panel={p} />
      ))}
    </ul>
  );
}

/** A light background for a 1–4 score (red → amber → green), dark text stays AA-readable on it. */
export function heatColor(value: number | null): string | undefined {
  if (value === null) return undefined;
  const hue = Math.round(((Math.min(4, Math.max(1, value)) - 1) / 3) * 120);
  return `hsl(${hue} 70% 86%)`;
}
