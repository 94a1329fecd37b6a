// Reads an uploaded spreadsheet (CSV in UTF-8/UTF-8 with BOM/UTF-16/Shift_JIS (CP932)/EUC-JP, or XLSX)
// into sheets of rows of text cells, with limits: file size, uncompressed size, sheets, rows and columns.
// XLSX is read in a process of its own with its own heap limit and a time limit, so a hostile workbook (a cell in
// column XFD on 20,000 rows, a zip bomb) is refused instead of taking the server down, and the memory it took goes
// back to the machine when it ends (issue 13).
// See docs/decisions/027-reading-the-citys-spreadsheets.md.
import Encoding from "encoding-japanese";
import { unzipSync } from "fflate";
import { z } from "zod";
import { runInChild } from "~/lib/child-process.server";
import { csvToRows, type Rows } from "./checklist-import";

export const LIMITS = {
  /** Upload size. */
  bytes: 10 * 1024 * 1024,
  /** Sum of the sizes of an XLSX's parts once uncompressed. */
  uncompressedBytes: 60 * 1024 * 1024,
  sheets: 60,
  /** Rows over all sheets. */
  rows: 100_000,
  /** Columns that hold a value (A…CV). */
  columns: 100,
  /** Time to read an XLSX. */
  ms: 20_000,
  /** Heap of the process reading an XLSX. */
  readerHeapMb: 384,
};

/**
 * The sheets read from an upload, carried between an import's steps as JSON in a hidden field and checked again on
 * every post (the checklist import and the past years' results import). `extra` adds fields to each sheet.
 */
export function carriedSheetsField<E extends z.ZodRawShape>(extra: E) {
  const sheets = z
    .array(
      z.object({
        name: z.string().max(300),
        ...extra,
        rows: z
          .array(z.object({ line: z.number().int().min(1).max(10_000_000), cells: z.array(z.string().max(20_000)).max(LIMITS.columns) }))
          .max(LIMITS.rows),
      }),
    )
    .min(1)
    .max(LIMITS.sheets);
  return z.string().transform((s, ctx) => {
    try {
      const parsed = sheets.safeParse(JSON.parse(s));
      if (parsed.success) return parsed.data;
    } catch {
      /* reported below */
    }
    ctx.addIssue({ code: "custom", message: "sheets" });
    return z.NEVER;
  });
}

export interface Sheet {
  name: string;
  rows: Rows;
}

export type SpreadsheetProblem =
  | "empty"
  | "tooLarge"
  | "pdf"
  | "image"
  | "oldExcel"
  | "notSpreadsheet"
  | "undecodable"
  | "uncompressedTooLarge"
  | "tooManySheets"
  | "tooManyRows"
  | "tooWide"
  | "timeout"
  | "unreadable";

export type SpreadsheetResult =
  { ok: true; kind: "csv" | "xlsx"; encoding: string; sheets: Sheet[] } | { ok: false; problem: SpreadsheetProblem; value?: string };

function startsWith(bytes: Uint8Array, ...sig: number[]) {
  return sig.every((b, i) => bytes[i] === b);
}

/** Names the encoding of text bytes and decodes them strictly: bytes that do not decode are refused, never shown as U+FFFD. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string; encoding: string } | { ok: false; encoding: string } {
  const strict = (label: string, data: Uint8Array) => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(data);
    } catch {
      return null;
    }
  };
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    const text = strict("utf-8", bytes.subarray(3));
    return text === null ? { ok: false, encoding: "UTF-8 (BOM)" } : { ok: true, text, encoding: "UTF-8 (BOM)" };
  }
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    const label = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    const text = strict(label, bytes.subarray(2));
    return text === null ? { ok: false, encoding: label.toUpperCase() } : { ok: true, text, encoding: label.toUpperCase() };
  }
  const utf8 = strict("utf-8", bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "UTF-8" };
  const detected = Encoding.detect(bytes);
  const labels: Record<string, [string, string]> = {
    SJIS: ["shift_jis", "Shift_JIS (CP932)"],
    EUCJP: ["euc-jp", "EUC-JP"],
    JIS: ["iso-2022-jp", "ISO-2022-JP"],
  };
  const known = typeof detected === "string" ? labels[detected] : undefined;
  if (known) {
    const text = strict(known[0], bytes);
    if (text !== null) return { ok: true, text, encoding: known[1] };
    return { ok: false, encoding: known[1] };
  }
  // Most files that are neither UTF-8 nor detected as another Japanese encoding are Shift_JIS with a bad byte.
  const sjis = strict("shift_jis", bytes);
  if (sjis !== null) return { ok: true, text: sjis, encoding: "Shift_JIS (CP932)" };
  return { ok: false, encoding: typeof detected === "string" && detected !== "BINARY" ? detected : "UTF-8 / Shift_JIS" };
}

/** Reads a file given as bytes and its name. */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SpreadsheetResult> {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > LIMITS.bytes) return { ok: false, problem: "tooLarge", value: String(LIMITS.bytes / 1024 / 1024) };
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return { ok: false, problem: "pdf" };
  if (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(bytes, 0xff, 0xd8, 0xff) ||
    startsWith(bytes, 0x47, 0x49, 0x46, 0x38) ||
    (startsWith(bytes, 0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57) ||
    (bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70)
  )
    return { ok: false, problem: "image" };
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return { ok: false, problem: "oldExcel" };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return readXlsx(bytes);
  if (/\.(xlsx|xlsm|xls|ods|numbers|docx|pptx|zip)$/i.test(fileName)) return { ok: false, problem: "notSpreadsheet" };
  // Text: a CSV (or tab-separated text, as Excel's "Unicode text" saves it).
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problem: "undecodable", value: decoded.encoding };
  if (decoded.text.includes("\u0000")) return { ok: false, problem: "notSpreadsheet" };
  const rows = csvToRows(decoded.text);
  if (rows.length > LIMITS.rows) return { ok: false, problem: "tooManyRows", value: String(LIMITS.rows) };
  const wide = rows.find((r) => r.cells.length > LIMITS.columns);
  if (wide) return { ok: false, problem: "tooWide", value: String(LIMITS.columns) };
  const name = fileName.replace(/\.[^.]*$/, "") || "CSV";
  return { ok: true, kind: "csv", encoding: decoded.encoding, sheets: [{ name, rows }] };
}

// The child process: plain CommonJS, requiring the project's own exceljs and fflate; its input is { bytes, limits }.
const READER_SOURCE = String.raw`
const { unzipSync, strFromU8 } = load("fflate");
process.once("message", (input) => {
const limits = input.limits;
function fail(problem, value) { process.send({ ok: false, problem, value: value === undefined ? undefined : String(value) }); }
(async () => {
  const bytes = new Uint8Array(input.bytes);
  // Before the workbook is parsed: each worksheet's XML (its size already checked against the limit) is
  // scanned for its widest cell reference and its number of rows, so a far column is refused at once.
  const colOf = (s) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  let sheetsXml;
  try {
    sheetsXml = unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) });
  } catch (e) { return fail("unreadable"); }
  let totalRows = 0;
  for (const name of Object.keys(sheetsXml)) {
    const xml = strFromU8(sheetsXml[name]);
    delete sheetsXml[name];
    const refs = /<c\b[^>]*?\br="([A-Z]{1,3})\d+"/g;
    let m;
    while ((m = refs.exec(xml))) if (colOf(m[1]) > limits.columns) return fail("tooWide", limits.columns);
    const rowTags = xml.match(/<row\b/g);
    totalRows += rowTags ? rowTags.length : 0;
    if (totalRows > limits.rows) return fail("tooManyRows", limits.rows);
  }
  const ExcelJS = load("exceljs");
  const workbook = new ExcelJS.Workbook();
  try { await workbook.xlsx.load(bytes); } catch (e) { return fail("unreadable"); }
  if (workbook.worksheets.length > limits.sheets) return fail("tooManySheets", limits.sheets);
  const sheets = [];
  let rowCount = 0;
  for (const ws of workbook.worksheets) {
    if (ws.state && ws.state !== "visible") continue;
    const rows = [];
    let wide = 0;
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      if (wide) return;
      if (++rowCount > limits.rows) return;
      const cells = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > limits.columns) { wide = col; return; }
        let text = "";
        try { text = cell.text == null ? "" : String(cell.text); } catch (e) { text = ""; }
        cells[col - 1] = text;
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = "";
      rows.push({ line, cells });
    });
    if (wide) return fail("tooWide", limits.columns);
    if (rowCount > limits.rows) return fail("tooManyRows", limits.rows);
    // Merged cells: every cell of a merged range takes the value of its first cell.
    const merges = (ws.model && ws.model.merges) || [];
    if (merges.length) {
      const byLine = new Map(rows.map((r) => [r.line, r]));
      for (const range of merges) {
        const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
        if (!m) continue;
        const colOf = (s) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const c1 = colOf(m[1]), r1 = +m[2], c2 = colOf(m[3]), r2 = +m[4];
        if (c2 > limits.columns || r2 - r1 > limits.rows) continue;
        const master = byLine.get(r1);
        const value = master ? master.cells[c1 - 1] || "" : "";
        if (!value) continue;
        for (let r = r1; r <= r2; r++) {
          let row = byLine.get(r);
          if (!row) continue;
          for (let c = c1; c <= c2; c++) {
            while (row.cells.length < c) row.cells.push("");
            if (!row.cells[c - 1]) row.cells[c - 1] = value;
          }
        }
      }
    }
    sheets.push({ name: ws.name, rows });
  }
  process.send({ ok: true, kind: "xlsx", encoding: "XLSX", sheets });
})().catch(() => fail("unreadable"));
});
`;

/** The sizes the zip declares, read from its directory without inflating anything. */
function declaredSize(bytes: Uint8Array): { total: number; parts: number } | null {
  let total = 0;
  let parts = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        parts++;
        return false;
      },
    });
  } catch {
    return null;
  }
  return { total, parts };
}

async function readXlsx(bytes: Uint8Array): Promise<SpreadsheetResult> {
  const declared = declaredSize(bytes);
  if (!declared) return { ok: false, problem: "unreadable" };
  // A zip bomb is refused here, before a process starts or a byte is inflated.
  if (declared.total > LIMITS.uncompressedBytes || declared.parts > 10_000)
    return { ok: false, problem: "uncompressedTooLarge", value: String(LIMITS.uncompressedBytes / 1024 / 1024) };
  const outcome = await runInChild<SpreadsheetResult>(
    READER_SOURCE,
    { bytes, limits: LIMITS },
    { heapMb: LIMITS.readerHeapMb, ms: LIMITS.ms },
  );
  if (outcome.ok) return outcome.value;
  // Out of memory or any crash: the file is refused, the server goes on.
  if (outcome.reason === "timeout") return { ok: false, problem: "timeout", value: String(LIMITS.ms / 1000) };
  if (outcome.reason === "outOfMemory")
    return { ok: false, problem: "uncompressedTooLarge", value: String(Math.round(LIMITS.uncompressedBytes / 1024 / 1024)) };
  return { ok: false, problem: "unreadable" };
}
