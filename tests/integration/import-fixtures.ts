// Files the import tests build in the shapes a city really keeps: Shift_JIS CSV from Excel, UTF-8 with BOM
// and CRLF, XLSX with title rows and merged cells, and hostile workbooks (a far column, a zip bomb).
import Encoding from "encoding-japanese";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";

export function shiftJis(text: string): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }));
}

export function utf8Bom(text: string): Uint8Array {
  return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
}

/** The city's checklist as Excel saves it as CSV: Japanese headers, full-width numbers, a quoted cell with a line break, CRLF. */
export function cityChecklistCsv(count = 6): string {
  const lines = ["番号,区分,評価項目,着眼点,根拠資料"];
  for (let i = 1; i <= count; i++) {
    const n = String(i).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const category = i === 1 ? "運営体制" : i === Math.ceil(count / 2) + 1 ? "アセスメント" : "";
    const text = i === 2 ? '"苦情解決の仕組みを\r\n利用者に説明している。"' : `評価項目その${i}を行っている。`;
    lines.push(`${n},${category},${text},着眼点${i},確認書類${i}`);
  }
  return lines.join("\r\n") + "\r\n";
}

/** An XLSX like the city's: a cover sheet, then the checklist with two title rows, merged category cells and line breaks. */
export async function cityChecklistXlsx(count = 6): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("表紙").addRow(["令和7年度 自己評価"]);
  const ws = wb.addWorksheet("チェックシート");
  ws.addRow(["相談支援事業所 運営自己評価チェックシート"]);
  ws.addRow(["令和７年度版"]);
  ws.addRow([]);
  ws.addRow(["項目番号", "分類", "評価項目", "評価の視点", "研修の柱"]);
  const half = Math.ceil(count / 2);
  for (let i = 1; i <= count; i++) {
    const label = i <= half ? `１－${String(i).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}` : `2-${i - half}`;
    ws.addRow([
      label,
      i === 1 ? "運営体制" : i === half + 1 ? "地域との連携" : null,
      `項目${i}の文章。\n二行目。`,
      `視点${i}`,
      i === 1 ? "人材育成" : "",
    ]);
  }
  // Category cells merged down their items, as the city's sheet has them.
  ws.mergeCells(5, 2, 4 + half, 2);
  ws.mergeCells(5 + half, 2, 4 + count, 2);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function xlsxParts(
  sheetXml: Uint8Array | string,
  extra: Record<string, Uint8Array> = {},
): Record<string, Uint8Array | [Uint8Array, { level: 9 }]> {
  return {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": [typeof sheetXml === "string" ? strToU8(sheetXml) : sheetXml, { level: 9 }],
    ...extra,
  };
}

/** 20,000 rows with one number in column XFD (16,384): about 150 KB zipped. */
export function farColumnXlsx(rows = 20_000): Uint8Array {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) body.push(`<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join("")}</sheetData></worksheet>`;
  return zipSync(xlsxParts(xml));
}

/** A workbook whose sheet inflates to `mb` megabytes of cells: well under 1 MB zipped. */
export function zipBombXlsx(mb = 400): Uint8Array {
  const row = strToU8('<row><c t="inlineStr"><is><t>x</t></is></c></row>');
  const size = mb * 1024 * 1024;
  const head = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const tail = strToU8("</sheetData></worksheet>");
  const data = new Uint8Array(head.length + Math.floor(size / row.length) * row.length + tail.length);
  data.set(head, 0);
  let at = head.length;
  while (at + row.length <= data.length - tail.length) {
    data.set(row, at);
    at += row.length;
  }
  data.set(tail, at);
  return zipSync(xlsxParts(data.subarray(0, at + tail.length)));
}
