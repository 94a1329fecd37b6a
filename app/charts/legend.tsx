// Recharts' legend writes each label in its series colour (1.6:1 for a light grey); ours writes it in the ink.
import { CHART_INK } from "./palette";

export function legendText(value: string) {
  return <span style={{ color: CHART_INK }}>{value}</span>;
}
