// Reads a checklist template from a city's own spreadsheet (rows of cells from CSV or XLSX): finds the
// header row below title rows, proposes a meaning for each column from Japanese/English synonyms, fills
// down blank category cells, normalises codes and numbers (NFKC) while keeping texts as written, matches
// items to the previous version, and validates every row. Pure apart from papaparse, so the seed
// (scripts/) can load content/checklists/v1.csv with it.
import Papa from "papaparse";

/** The project's own category codes (v1); a city's file may use its own categories. */
export const CATEGORY_CODES = ["OPS", "ASM", "MON", "RIG", "COL", "COM", "HRD", "INF", "EMG"] as const;
export const PILLARS = ["individual", "community", "hr"] as const;
export type Pillar = (typeof PILLARS)[number];

export type Rows = { line: number; cells: string[] }[];

/** What a column can mean. */
export const FIELDS = [
  "ignore",
  "label",
  "code",
  "category",
  "categoryCode",
  "categoryEn",
  "textJa",
  "textEn",
  "guidanceJa",
  "guidanceEn",
  "evidenceJa",
  "evidenceEn",
  "pillar",
] as const;
export type Field = (typeof FIELDS)[number];

/** Header words (normalised by normaliseHeader) that propose each meaning. */
export const SYNONYMS: Record<Exclude<Field, "ignore">, string[]> = {
  label: ["番号", "no", "no.", "項目番号", "項番", "通し番号", "項目no", "number", "itemno", "itemnumber", "#", "label", "番"],
  code: ["code", "項目コード", "コード", "itemcode"],
  category: [
    "区分",
    "分類",
    "大項目",
    "領域",
    "分野",
    "分野名",
    "カテゴリ",
    "カテゴリー",
    "category",
    "category_ja",
    "categoryja",
    "区分名",
  ],
  categoryCode: ["category_code", "categorycode", "分野コード", "区分コード"],
  categoryEn: ["category_en", "categoryen", "区分(英語)", "分野(英語)"],
  textJa: [
    "評価項目",
    "項目",
    "内容",
    "評価内容",
    "チェック項目",
    "質問",
    "設問",
    "小項目",
    "text_ja",
    "textja",
    "item",
    "text",
    "question",
  ],
  textEn: ["text_en", "texten", "評価項目(英語)", "項目(英語)", "english"],
  guidanceJa: ["着眼点", "評価の視点", "視点", "評価のポイント", "ポイント", "guidance_ja", "guidanceja", "guidance", "解説"],
  guidanceEn: ["guidance_en", "guidanceen"],
  evidenceJa: ["根拠資料", "確認書類", "確認資料", "根拠", "書類", "evidence_ja", "evidenceja", "evidence"],
  evidenceEn: ["evidence_en", "evidenceen"],
  pillar: ["研修の柱", "柱", "pillar", "関連する研修", "研修"],
};

/** The pillar words a cell may hold, in either language (matched after NFKC and lower-casing). */
export const PILLAR_WORDS: Record<string, Pillar> = {
  individual: "individual",
  community: "community",
  hr: "hr",
  個別支援: "individual",
  地域支援: "community",
  人材育成: "hr",
};

/** The project's own categories' names, used when a file gives a code without a name. */
export const DEFAULT_CATEGORY_NAMES: Record<string, [string, string]> = {
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

export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;
const MAX_TEXT = 2000;
const MAX_ITEMS = 500;

export type ImportErrorReason =
  | "noHeader"
  | "missingColumns"
  | "duplicateField"
  | "badCode"
  | "duplicateCode"
  | "duplicateLabel"
  | "badPillar"
  | "emptyText"
  | "tooLong"
  | "noRows"
  | "tooManyRows"
  | "replacementChar"
  | "controlChar"
  | "badMatch"
  | "matchTaken"
  | "droppedNotAcknowledged";

export interface ImportError {
  /** Line in the file (row number in a sheet; physical line in a CSV). 0 when about the whole file. */
  line: number;
  /** The column as the user sees it: its letter and header. */
  column?: string;
  reason: ImportErrorReason;
  /** The offending value, shown to the user. */
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
  label: string;
  textJa: string;
  textEn: string;
  guidanceJa: string;
  guidanceEn: string;
  evidenceJa: string;
  evidenceEn: string;
  pillar: Pillar | null;
  sortOrder: number;
}

export interface ParsedTemplate {
  categories: ParsedCategory[];
  items: ParsedItem[];
}

/** The previous version (to match items) and every code ever used (so a new item never takes an old item's history). */
export interface PreviousVersion {
  version: number;
  categories: { code: string; nameJa: string }[];
  items: { code: string; label: string; textJa: string }[];
  usedItemCodes: string[];
  usedCategoryCodes: string[];
}

export interface ItemMatch {
  line: number;
  code: string;
  label: string;
  textJa: string;
  /** How the item was linked to the previous version's item of the same code, or null if it starts its own history. */
  how: "code" | "labelText" | "chosen" | null;
}

export interface Column {
  index: number;
  letter: string;
  header: string;
  field: Field;
}

export interface Analysis {
  headerLine: number;
  columns: Column[];
  errors: ImportError[];
  template: ParsedTemplate | null;
  matches: ItemMatch[];
  dropped: { code: string; label: string; textJa: string }[];
}

export type ImportResult = { ok: true; template: ParsedTemplate } | { ok: false; errors: ImportError[] };

// ---------- normalisation ----------

/** Codes and numbers: NFKC (full-width digits, letters, spaces and symbols to their plain forms), dashes unified, spaces collapsed. */
export function normaliseCode(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\u2010-\u2015\u2212\u30FC\uFF70]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Texts keep their characters and line breaks; only CRLF/CR become LF and the ends are trimmed. */
export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

export function normaliseHeader(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^\uFEFF/, "")
    .replace(/[\s\u3000【】「」[\]()（）・*※:：]/g, "")
    .trim();
}

/** For matching: texts compared without differences of width, spaces and line breaks. */
function textKey(value: string): string {
  return value.normalize("NFKC").replace(/\s+/g, "");
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Proposes column meanings from header words: shared by the checklist import and the results import. */
export function headerReader<F extends string>(synonyms: Record<Exclude<F, "ignore">, string[]>, fields: readonly F[]) {
  const index = new Map<string, F>();
  for (const [field, words] of Object.entries(synonyms) as [F, string[]][]) for (const w of words) index.set(normaliseHeader(w), field);
  const ignore = "ignore" as F;
  function proposeField(header: string, saved?: Record<string, string>): F {
    const key = normaliseHeader(header);
    if (!key) return ignore;
    const fromSaved = saved?.[key];
    if (fromSaved && (fields as readonly string[]).includes(fromSaved)) return fromSaved as F;
    return index.get(key) ?? ignore;
  }
  /** The header row: the first of the first 30 rows in which two or more cells name known columns. */
  function findHeaderRow(rows: Rows, saved?: Record<string, string>): number {
    for (let i = 0; i < Math.min(rows.length, 30); i++) {
      const known = rows[i].cells.filter((c) => proposeField(c, saved) !== ignore).length;
      if (known >= 2) return i;
    }
    const firstWide = rows.findIndex((r) => r.cells.filter((c) => c.trim()).length >= 2);
    return firstWide < 0 ? -1 : firstWide;
  }
  /** Proposes a meaning for each column of the header row; each meaning is proposed once, to the first column that has it. */
  function proposeMapping(headerCells: string[], saved?: Record<string, string>): F[] {
    const taken = new Set<F>();
    return headerCells.map((h) => {
      const f = proposeField(h, saved);
      if (f === ignore || taken.has(f)) return ignore;
      taken.add(f);
      return f;
    });
  }
  return { proposeField, findHeaderRow, proposeMapping };
}

const checklistHeaders = headerReader<Field>(SYNONYMS, FIELDS);
export const proposeField = checklistHeaders.proposeField;
export const findHeaderRow = checklistHeaders.findHeaderRow;
export const proposeMapping = checklistHeaders.proposeMapping;

// ---------- analysis ----------

export interface AnalyseOptions {
  /** Index (in rows) of the header row; found when absent. */
  headerIndex?: number;
  /** A meaning per column; proposed when absent. */
  mapping?: Field[];
  saved?: Record<string, string>;
  previous?: PreviousVersion | null;
  /** Line → previous item code chosen by the user ("" = starts its own history). */
  choices?: Record<string, string>;
  acknowledgeDropped?: boolean;
}

export function analyseChecklist(rows: Rows, options: AnalyseOptions = {}): Analysis {
  const errors: ImportError[] = [];
  const empty = (extra: Partial<Analysis> = {}): Analysis => ({
    headerLine: 0,
    columns: [],
    errors,
    template: null,
    matches: [],
    dropped: [],
    ...extra,
  });
  const headerIndex = options.headerIndex ?? findHeaderRow(rows, options.saved);
  const header = rows[headerIndex];
  if (!header) {
    errors.push({ line: 0, reason: "noHeader" });
    return empty();
  }
  const mapping = options.mapping?.length
    ? header.cells.map((_, i) => options.mapping![i] ?? "ignore")
    : proposeMapping(header.cells, options.saved);
  const columns: Column[] = header.cells.map((h, index) => ({
    index,
    letter: columnLetter(index),
    header: normaliseText(h).replace(/^\uFEFF/, ""),
    field: mapping[index],
  }));
  const base = { headerLine: header.line, columns };
  const seenField = new Map<Field, Column>();
  for (const c of columns) {
    if (c.field === "ignore") continue;
    if (seenField.has(c.field))
      errors.push({ line: header.line, column: `${c.letter}（${c.header}）`, reason: "duplicateField", value: c.field });
    else seenField.set(c.field, c);
  }
  if (!seenField.has("textJa")) errors.push({ line: header.line, reason: "missingColumns", value: "textJa" });
  if (errors.length) return empty(base);

  const colName = (f: Field) => {
    const c = seenField.get(f);
    return c ? `${c.letter}（${c.header || c.letter}）` : undefined;
  };
  const cell = (cells: string[], f: Field) => {
    const c = seenField.get(f);
    return c ? (cells[c.index] ?? "") : "";
  };

  const previous = options.previous ?? null;
  const prevByCode = new Map(previous?.items.map((i) => [i.code, i]) ?? []);
  const prevByLabelText = new Map(previous?.items.filter((i) => i.label).map((i) => [`${i.label}\u0000${textKey(i.textJa)}`, i]) ?? []);
  const prevUnlabelledByText = new Map(previous?.items.filter((i) => !i.label).map((i) => [textKey(i.textJa), i]) ?? []);
  const prevCategoryByName = new Map(previous?.categories.map((c) => [textKey(c.nameJa), c.code]) ?? []);
  const usedItemCodes = new Set(previous?.usedItemCodes ?? []);
  const usedCategoryCodes = new Set(previous?.usedCategoryCodes ?? []);

  const categories = new Map<string, ParsedCategory>();
  const categoryByName = new Map<string, string>();
  type Pending = Omit<ParsedItem, "code" | "sortOrder" | "categoryCode"> & { line: number; givenCode: string; categoryKey: string };
  const pending: Pending[] = [];
  const seenCode = new Map<string, number>();
  const seenLabel = new Map<string, number>();
  let lastCategory = "";
  let lastCategoryCode = "";
  let lastCategoryEn = "";

  for (const { line, cells } of rows.slice(headerIndex + 1)) {
    if (cells.every((c) => c.trim() === "")) continue;
    const rowErrors: ImportError[] = [];
    cells.forEach((value, index) => {
      const c = columns[index];
      if (!c || c.field === "ignore") return;
      const where = `${c.letter}（${c.header || c.letter}）`;
      if (value.includes("\uFFFD")) rowErrors.push({ line, column: where, reason: "replacementChar" });
      // eslint-disable-next-line no-control-regex
      else if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) rowErrors.push({ line, column: where, reason: "controlChar" });
      else if (value.length > MAX_TEXT) rowErrors.push({ line, column: where, reason: "tooLong", value: String(MAX_TEXT) });
    });
    // Merged or left-blank category cells take the category of the row above.
    const categoryName = normaliseText(cell(cells, "category")) || (cell(cells, "categoryCode").trim() ? "" : lastCategory);
    const categoryCodeGiven =
      normaliseCode(cell(cells, "categoryCode")).toUpperCase() || (categoryName === lastCategory ? lastCategoryCode : "");
    const categoryEn = normaliseText(cell(cells, "categoryEn")) || (categoryName === lastCategory ? lastCategoryEn : "");
    lastCategory = categoryName;
    lastCategoryCode = categoryCodeGiven;
    lastCategoryEn = categoryEn;

    const label = normaliseCode(cell(cells, "label"));
    const givenCode = normaliseCode(cell(cells, "code")).toUpperCase();
    const textJa = normaliseText(cell(cells, "textJa"));
    const pillarRaw = normaliseCode(cell(cells, "pillar")).toLowerCase();
    if (givenCode) {
      if (!CODE_PATTERN.test(givenCode)) rowErrors.push({ line, column: colName("code"), reason: "badCode", value: givenCode });
      else if (seenCode.has(givenCode))
        rowErrors.push({ line, column: colName("code"), reason: "duplicateCode", value: `${givenCode} (${seenCode.get(givenCode)})` });
      else seenCode.set(givenCode, line);
    }
    if (label) {
      if (seenLabel.has(label))
        rowErrors.push({ line, column: colName("label"), reason: "duplicateLabel", value: `${label} (${seenLabel.get(label)})` });
      else seenLabel.set(label, line);
    }
    if (!textJa) rowErrors.push({ line, column: colName("textJa"), reason: "emptyText" });
    const pillar = pillarRaw ? (PILLAR_WORDS[pillarRaw] ?? null) : null;
    if (pillarRaw && !pillar) rowErrors.push({ line, column: colName("pillar"), reason: "badPillar", value: pillarRaw });
    if (categoryCodeGiven && !CODE_PATTERN.test(categoryCodeGiven))
      rowErrors.push({ line, column: colName("categoryCode"), reason: "badCode", value: categoryCodeGiven });
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const categoryKey = categoryCodeGiven || `name:${textKey(categoryName)}`;
    if (!categories.has(categoryKey)) {
      const [defaultJa, defaultEn] = DEFAULT_CATEGORY_NAMES[categoryCodeGiven] ?? ["", ""];
      const nameJa = categoryName || defaultJa || categoryCodeGiven || "チェック項目";
      categories.set(categoryKey, {
        code: categoryCodeGiven,
        nameJa,
        nameEn: categoryEn || defaultEn || (categoryName || categoryCodeGiven ? nameJa : "Checklist items"),
        sortOrder: categories.size + 1,
      });
      categoryByName.set(categoryKey, nameJa);
    }
    pending.push({
      line,
      givenCode,
      categoryKey,
      label,
      textJa,
      textEn: normaliseText(cell(cells, "textEn")),
      guidanceJa: normaliseText(cell(cells, "guidanceJa")),
      guidanceEn: normaliseText(cell(cells, "guidanceEn")),
      evidenceJa: normaliseText(cell(cells, "evidenceJa")),
      evidenceEn: normaliseText(cell(cells, "evidenceEn")),
      pillar,
    });
  }
  if (!errors.length && pending.length === 0) errors.push({ line: header.line + 1, reason: "noRows" });
  if (pending.length > MAX_ITEMS) errors.push({ line: 0, reason: "tooManyRows", value: String(MAX_ITEMS) });
  if (errors.length) return empty(base);

  // Category codes: as given; else the previous version's code of the same name; else generated, never reusing an old code.
  const takenCategoryCodes = new Set([...categories.values()].map((c) => c.code).filter(Boolean));
  let n = 0;
  for (const c of categories.values()) {
    if (c.code) continue;
    const prev = prevCategoryByName.get(textKey(c.nameJa));
    if (prev && !takenCategoryCodes.has(prev)) c.code = prev;
    else {
      let code: string;
      do code = `C${String(++n).padStart(2, "0")}`;
      while (takenCategoryCodes.has(code) || usedCategoryCodes.has(code));
      c.code = code;
    }
    takenCategoryCodes.add(c.code);
  }

  // Item codes: as given; else the previous version's item of the same label and text; else the user's choice; else new.
  const choices = options.choices ?? {};
  const codes = new Set(pending.map((p) => p.givenCode).filter(Boolean));
  const matches: ItemMatch[] = [];
  const assigned: string[] = pending.map(() => "");
  const how: ItemMatch["how"][] = pending.map(() => null);
  pending.forEach((p, i) => {
    if (p.givenCode) {
      assigned[i] = p.givenCode;
      how[i] = prevByCode.has(p.givenCode) ? "code" : null;
      return;
    }
    const chosen = choices[String(p.line)];
    if (chosen !== undefined && chosen !== "auto") {
      if (chosen === "") return;
      if (!prevByCode.has(chosen)) errors.push({ line: p.line, reason: "badMatch", value: chosen });
      else if (codes.has(chosen)) errors.push({ line: p.line, reason: "matchTaken", value: chosen });
      else {
        assigned[i] = chosen;
        how[i] = "chosen";
        codes.add(chosen);
      }
      return;
    }
    // Same label and text; an item of the project's own format (no label) is matched by its text alone.
    const prev =
      (p.label ? prevByLabelText.get(`${p.label}\u0000${textKey(p.textJa)}`) : undefined) ?? prevUnlabelledByText.get(textKey(p.textJa));
    if (prev && !codes.has(prev.code)) {
      assigned[i] = prev.code;
      how[i] = "labelText";
      codes.add(prev.code);
    }
  });
  pending.forEach((p, i) => {
    if (assigned[i]) return;
    const base = normaliseCode(p.label).toUpperCase().replace(/\s+/g, "");
    let code = CODE_PATTERN.test(base) ? base : "";
    if (!code || codes.has(code) || usedItemCodes.has(code)) {
      const stem = CODE_PATTERN.test(base) ? base : "ITEM";
      let j = 1;
      do code = `${stem}_${++j}`;
      while (codes.has(code) || usedItemCodes.has(code));
    }
    assigned[i] = code;
    codes.add(code);
  });
  if (errors.length) return empty(base);

  const categoryList = [...categories.values()];
  const codeOf = new Map([...categories.entries()].map(([key, c]) => [key, c.code]));
  const items: ParsedItem[] = pending.map((p, i) => ({
    categoryCode: codeOf.get(p.categoryKey)!,
    code: assigned[i],
    label: p.label,
    textJa: p.textJa,
    textEn: p.textEn,
    guidanceJa: p.guidanceJa,
    guidanceEn: p.guidanceEn,
    evidenceJa: p.evidenceJa,
    evidenceEn: p.evidenceEn,
    pillar: p.pillar,
    sortOrder: 0,
  }));
  // Items keep the file's order within their category; categories keep the order they first appear in.
  const order = new Map(categoryList.map((c) => [c.code, c.sortOrder]));
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => order.get(a.item.categoryCode)! - order.get(b.item.categoryCode)! || a.index - b.index)
    .map(({ item }, i) => ({ ...item, sortOrder: i + 1 }));
  pending.forEach((p, i) => matches.push({ line: p.line, code: assigned[i], label: p.label, textJa: p.textJa, how: how[i] }));
  const dropped = (previous?.items ?? []).filter((i) => !codes.has(i.code));
  if (dropped.length && options.acknowledgeDropped === false)
    errors.push({ line: 0, reason: "droppedNotAcknowledged", value: String(dropped.length) });
  return {
    ...base,
    errors,
    // Kept when the only problem is the unacknowledged drop, so the preview and the list stay on screen; saving checks `errors`.
    template: { categories: categoryList, items: sorted },
    matches,
    dropped,
  };
}

/** Validates rows with the header first and the proposed mapping. Nothing is kept unless every row is valid. */
export function validateRows(rows: Rows, previous?: PreviousVersion | null): ImportResult {
  const a = analyseChecklist(rows, { headerIndex: 0, previous });
  return a.template && !a.errors.length ? { ok: true, template: a.template } : { ok: false, errors: a.errors };
}

/** CSV text (header row first) → validated template. */
export function parseChecklistCsv(text: string): ImportResult {
  return validateRows(csvToRows(text));
}

/** CSV text → rows with the line each starts on. CRLF, LF and CR line ends are all accepted. */
export function csvToRows(text: string): Rows {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: false,
  });
  const rows: Rows = [];
  // Count physical lines so a quoted cell spanning lines still reports the row's first line.
  let line = 1;
  for (const cells of parsed.data) {
    rows.push({ line, cells: cells.map((c) => String(c ?? "")) });
    line += 1 + cells.reduce((n, c) => n + (String(c).match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  while (rows.length > 1 && rows[rows.length - 1].cells.every((c) => c.trim() === "")) rows.pop();
  return rows;
}
