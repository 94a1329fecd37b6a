// Reads a checklist template from CSV text or spreadsheet rows and validates every row.
// Pure apart from papaparse, so the seed (scripts/) can load content/checklists/v1.csv with it.
import Papa from "papaparse";

/** The categories results compare across versions; an import may use only these codes. */
export const CATEGORY_CODES = ["OPS", "ASM", "MON", "RIG", "COL", "COM", "HRD", "INF", "EMG"] as const;
export const PILLARS = ["individual", "community", "hr"] as const;
export type Pillar = (typeof PILLARS)[number];

export const COLUMNS = [
  "category_code",
  "category_ja",
  "category_en",
  "code",
  "text_ja",
  "text_en",
  "guidance_ja",
  "guidance_en",
  "evidence_ja",
  "evidence_en",
  "pillar",
] as const;
const REQUIRED_COLUMNS = ["category_code", "code", "text_ja", "pillar"] as const;

export const ITEM_CODE_PATTERN = /^[A-Z]{2,5}-\d{2,3}$/;

export type ImportErrorReason =
  "missingColumns" | "missingCode" | "badCode" | "duplicateCode" | "unknownCategory" | "badPillar" | "emptyText" | "tooLong" | "noRows";

export interface ImportError {
  /** Line in the file (the header is line 1). */
  line: number;
  reason: ImportErrorReason;
  /** The offending value or column names, shown to the user. */
  value?: string;
}

export interface ParsedCategory {
  code: string;
  nameJa: string;
  nameEn: string;
  sortOrder: number;
}

export interface ParsedItem {
  categoryCode: string;
  code: string;
  textJa: string;
  textEn: string;
  guidanceJa: string;
  guidanceEn: string;
  evidenceJa: string;
  evidenceEn: string;
  pillar: Pillar;
  sortOrder: number;
}

export interface ParsedTemplate {
  categories: ParsedCategory[];
  items: ParsedItem[];
}

export type ImportResult = { ok: true; template: ParsedTemplate } | { ok: false; errors: ImportError[] };

const DEFAULT_CATEGORY_NAMES: Record<string, [string, string]> = {
  OPS: ["運営体制", "Operations"],
  ASM: ["アセスメントと計画", "Assessment and planning"],
  MON: ["モニタリング", "Monitoring"],
  RIG: ["権利擁護・意思決定支援", "Rights and decision support"],
  COL: ["多機関連携", "Multi-agency collaboration"],
  COM: ["地域づくり", "Community development"],
  HRD: ["人材育成", "Human-resource development"],
  INF: ["個人情報・記録", "Information handling and records"],
  EMG: ["緊急時・災害時の備え", "Emergency and disaster readiness"],
};

const MAX_TEXT = 1000;

/** Validates rows given as [line number, cells] with the header first. Nothing is kept unless every row is valid. */
export function validateRows(rows: { line: number; cells: string[] }[]): ImportResult {
  const errors: ImportError[] = [];
  const header = rows[0];
  if (!header) return { ok: false, errors: [{ line: 1, reason: "noRows" }] };
  const names = header.cells.map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, ""),
  );
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length)
    return {
      ok: false,
      errors: [
        {
          line: header.line,
          reason: "missingColumns",
          value: missing.join(", "),
        },
      ],
    };
  const col = (cells: string[], name: (typeof COLUMNS)[number]) => {
    const i = names.indexOf(name);
    return i < 0 ? "" : (cells[i] ?? "").trim();
  };

  const categories = new Map<string, ParsedCategory>();
  const items: ParsedItem[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows.slice(1)) {
    if (cells.every((c) => c.trim() === "")) continue;
    const categoryCode = col(cells, "category_code").toUpperCase();
    const code = col(cells, "code").toUpperCase();
    const textJa = col(cells, "text_ja");
    const pillar = col(cells, "pillar").toLowerCase();
    const rowErrors: ImportError[] = [];
    if (!code) rowErrors.push({ line, reason: "missingCode" });
    else if (!ITEM_CODE_PATTERN.test(code)) rowErrors.push({ line, reason: "badCode", value: code });
    else if (seen.has(code))
      rowErrors.push({
        line,
        reason: "duplicateCode",
        value: `${code} (${seen.get(code)})`,
      });
    if (!(CATEGORY_CODES as readonly string[]).includes(categoryCode))
      rowErrors.push({ line, reason: "unknownCategory", value: categoryCode });
    if (!(PILLARS as readonly string[]).includes(pillar)) rowErrors.push({ line, reason: "badPillar", value: pillar });
    if (!textJa) rowErrors.push({ line, reason: "emptyText" });
    const texts = COLUMNS.map((c) => col(cells, c));
    if (texts.some((t) => t.length > MAX_TEXT)) rowErrors.push({ line, reason: "tooLong", value: String(MAX_TEXT) });
    if (code && !seen.has(code)) seen.set(code, line);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    if (!categories.has(categoryCode)) {
      const [defaultJa, defaultEn] = DEFAULT_CATEGORY_NAMES[categoryCode];
      categories.set(categoryCode, {
        code: categoryCode,
        nameJa: col(cells, "category_ja") || defaultJa,
        nameEn: col(cells, "category_en") || defaultEn,
        sortOrder: CATEGORY_CODES.indexOf(categoryCode as (typeof CATEGORY_CODES)[number]),
      });
    }
    items.push({
      categoryCode,
      code,
      textJa,
      textEn: col(cells, "text_en"),
      guidanceJa: col(cells, "guidance_ja"),
      guidanceEn: col(cells, "guidance_en"),
      evidenceJa: col(cells, "evidence_ja"),
      evidenceEn: col(cells, "evidence_en"),
      pillar: pillar as Pillar,
      sortOrder: 0,
    });
  }
  if (!errors.length && items.length === 0) errors.push({ line: 2, reason: "noRows" });
  if (errors.length) return { ok: false, errors };
  // Items keep the file's order within their category; categories follow the fixed order.
  const sortedCategories = [...categories.values()].sort((a, b) => a.sortOrder - b.sortOrder).map((c, i) => ({ ...c, sortOrder: i + 1 }));
  const order = new Map(sortedCategories.map((c) => [c.code, c.sortOrder]));
  const sortedItems = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => order.get(a.item.categoryCode)! - order.get(b.item.categoryCode)! || a.index - b.index)
    .map(({ item }, i) => ({ ...item, sortOrder: i + 1 }));
  return {
    ok: true,
    template: { categories: sortedCategories, items: sortedItems },
  };
}

/** CSV text (UTF-8, header row first) → validated template. */
export function parseChecklistCsv(text: string): ImportResult {
  return validateRows(csvToRows(text));
}

/** CSV text → rows with the line each starts on. */
export function csvToRows(text: string): { line: number; cells: string[] }[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: false,
  });
  const rows: { line: number; cells: string[] }[] = [];
  // Count physical lines so a quoted cell spanning lines still reports the row's first line.
  let line = 1;
  for (const cells of parsed.data) {
    rows.push({ line, cells: cells.map((c) => String(c ?? "")) });
    line += 1 + cells.reduce((n, c) => n + (String(c).match(/\n/g)?.length ?? 0), 0);
  }
  while (rows.length > 1 && rows[rows.length - 1].cells.every((c) => c.trim() === "")) rows.pop();
  return rows;
}
