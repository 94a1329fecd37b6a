// Past years' results in the shapes a city keeps them (issue 11): a long table as a Shift_JIS CSV from
// Excel, one file per office as UTF-8 with BOM and CRLF, a workbook of twelve years (a sheet per year,
// title rows, merged cells, full-width numbers) and a workbook per year with a sheet per office.
import ExcelJS from "exceljs";

export const fullWidth = (s: string | number) => String(s).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** The era name of a fiscal year as the city writes it: 平成24年度 … 平成30年度, 令和元年度, 令和2年度 … */
export function eraYear(fy: number): string {
  if (fy <= 2018) return `平成${fy - 1988}年度`;
  return fy === 2019 ? "令和元年度" : `令和${fy - 2018}年度`;
}

/** A deterministic rating 1–4 for an office, year and item. */
export const ratingOf = (office: number, fy: number, item: number) => ((office * 7 + fy * 3 + item) % 4) + 1;

export const RATING_WORDS = ["", "できていない", "あまりできていない", "おおむねできている", "できている"];

/** One long table: 事業所名, 年度, 番号, 評価項目, 評価, コメント (CRLF, as Excel writes it). */
export function longTableCsv(
  rows: { office: string; year: string; item: string; text: string; rating: string; comment: string }[],
): string {
  const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["事業所名,年度,番号,評価項目,評価,コメント"];
  for (const r of rows) lines.push([r.office, r.year, r.item, r.text, r.rating, r.comment].map(q).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** Twelve years of one office in one workbook: a sheet per year (named 平成24年度 …), a title and "事業所名：" above the header, the category merged down. */
export async function twelveYearWorkbook(office: string, firstYear: number, codes: string[]): Promise<Uint8Array> {
  const items = codes.length;
  const wb = new ExcelJS.Workbook();
  for (let fy = firstYear; fy < firstYear + 12; fy++) {
    const ws = wb.addWorksheet(eraYear(fy));
    ws.addRow([`${eraYear(fy)} 相談支援事業所 自己評価結果`]);
    ws.addRow([`事業所名：${office}`]);
    ws.addRow([]);
    ws.addRow(["区分", "項目番号", "評価項目", "評価", "備考"]);
    for (let i = 1; i <= items; i++)
      ws.addRow([
        i === 1 ? "運営体制" : null,
        fullWidth(codes[i - 1]),
        `項目${i}`,
        fy % 2 ? fullWidth(ratingOf(1, fy, i)) : RATING_WORDS[ratingOf(1, fy, i)],
        i === 2 ? `所見\n二行目（${fy}）` : "",
      ]);
    ws.mergeCells(5, 1, 4 + items, 1);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** One workbook for one year: a sheet per office, named after it. */
export async function yearWorkbook(offices: string[], fy: number, items: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  offices.forEach((name, o) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`${eraYear(fy)} 自己評価`]);
    ws.addRow(["番号", "評価", "コメント"]);
    for (let i = 1; i <= items; i++) ws.addRow([i, ratingOf(o + 10, fy, i), ""]);
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
