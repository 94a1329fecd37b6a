// The one CSV writer of the app (every export: training progress, rosters, the annual report), on
// papaparse. UTF-8 with a BOM and CRLF line ends, so Excel in Japan opens it with the right encoding;
// quoting by papaparse. Text cells that a spreadsheet would run as a formula (leading =, +, -, @, tab or
// CR) are prefixed with ' (OWASP "CSV injection"); numbers are written as numbers.
import Papa from "papaparse";
import { now } from "./clock";
import { jstDateString } from "./jst";

export type CsvCell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet; numbers unchanged. */
export function neutraliseFormula(value: CsvCell): CsvCell {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows as CSV text: BOM, CRLF, a line end after the last row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  const safe = rows.map((row) => row.map(neutraliseFormula));
  // papaparse's own `escapeFormulae` misses a formula followed by a line break ("=1+1\nx"); the prefix is ours.
  return "\uFEFF" + Papa.unparse(safe, { newline: "\r\n", header: false }) + "\r\n";
}

/**
 * The lines every export (CSV and XLSX) starts with, above its header: its title, the export date as an ISO
 * date (JST) that a spreadsheet reads as a date, and a blank line. The results import reads such lines back.
 */
export function exportPreamble(title: string, exportedLabel: string): CsvCell[][] {
  return [[title], [exportedLabel, jstDateString(now())], []];
}

/** A CSV download: `text/csv; charset=utf-8`, as an attachment named `filename`, never cached. */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
