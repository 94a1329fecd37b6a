// CSV for Excel: UTF-8 with a BOM, CRLF line ends, every field quoted when needed.
export function csvField(value: string | number): string {
  const s = String(value);
  // Neutralise spreadsheet formulas (CSV injection) in text cells.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof value === "string" ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: (string | number)[][]): string {
  return "\uFEFF" + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
