// Reads past years' results from the city's own files (issue 11) in the three shapes a city keeps: one
// long table (office, year, item, rating, comment), one workbook per year with a sheet per office, or one
// file per office. Each sheet's header row is found below title rows with the checklist import's header
// reader; an office or a year missing from the rows is taken from a "事業所名：…"/"年度：…" line above the
// header, the sheet's name, the file's name, or the year the user gives. Offices are matched by
// normalised name (width, spaces, 株式会社 and the like); an unmatched or ambiguous name is listed for the
// user to resolve; an office number (事業所番号) in a column, a title line, the sheet's or the file's name
// is matched first. Items are matched to the chosen template version by code, number (label) or text.
// Pure: the server module loads offices and items and saves.
import { isOfficeNumber, normaliseOfficeNumber } from "~/admin/offices.server-shared";
import { parseFiscalYearInput } from "~/lib/fiscal-year";
import { columnLetter, headerReader, normaliseCode, normaliseHeader, normaliseText, type ImportError, type Rows } from "./checklist-import";

export const RESULT_FIELDS = [
  "ignore",
  "office",
  "officeNumber",
  "year",
  "item",
  "itemText",
  "rating",
  "ratingLabel",
  "reason",
  "comment",
  "evidence",
] as const;
export type ResultField = (typeof RESULT_FIELDS)[number];

const SYNONYMS: Record<Exclude<ResultField, "ignore">, string[]> = {
  office: ["事業所", "事業所名", "事業所名称", "事業者名", "office", "officename"],
  officeNumber: [
    "事業所番号",
    "事業所no",
    "事業所no.",
    "事業者番号",
    "指定番号",
    "指定事業所番号",
    "officenumber",
    "officeno",
    "officeno.",
  ],
  year: ["年度", "実施年度", "評価年度", "fiscalyear", "year", "fy"],
  item: ["番号", "項目番号", "項番", "no", "no.", "項目コード", "コード", "code", "itemcode", "item code", "label", "number"],
  itemText: ["評価項目", "項目", "内容", "設問", "item", "text", "評価項目(文章)"],
  rating: ["評価", "評点", "点数", "自己評価", "結果", "rating", "score"],
  ratingLabel: ["評価の文言", "評価(文言)", "評価内容", "ratinglabel", "rating label"],
  reason: ["該当なしの理由", "該当なしの理由（必須）", "理由", "reason", "Why it does not apply (required)"],
  comment: ["コメント", "備考", "所見", "comment", "comments"],
  evidence: ["根拠となる資料・取組み", "根拠資料", "根拠", "evidence", "evidence note"],
};

export const resultHeaders = headerReader<ResultField>(SYNONYMS, RESULT_FIELDS);

export type ResultErrorReason =
  | "noHeader"
  | "missingItemColumn"
  | "missingRatingColumn"
  | "duplicateField"
  | "noOffice"
  | "badOfficeNumber"
  | "unmatchedOffice"
  | "ambiguousOffice"
  | "noYear"
  | "badYear"
  | "unknownItem"
  | "badRating"
  | "duplicateResult"
  | "replacementChar"
  | "tooLong"
  | "noRows"
  | "notImportable";

export interface ResultError extends Omit<ImportError, "reason"> {
  reason: ResultErrorReason;
  /** The sheet (and file) the line is in, when the import has more than one. */
  sheet?: string;
}

export interface OfficeRef {
  id: number;
  name: string;
  ward: string;
  /** 事業所番号, when the office has one. */
  officeNumber?: string | null;
}
export interface ItemRef {
  code: string;
  label: string;
  textJa: string;
}

export interface ResultSheet {
  name: string;
  /** The file the sheet came from (several files can be uploaded at once). */
  file?: string;
  rows: Rows;
}

export interface ResultRecord {
  officeId: number;
  fiscalYear: number;
  itemCode: string;
  rating: number | null;
  notApplicable: boolean;
  reason: string;
  comment: string;
  evidence: string;
  /** The submission date written above the header ("提出日：2025-07-01", as the sheet export writes it), ISO. */
  submittedOn?: string;
}

/** An office name (or number) as written that is not matched to exactly one office: the user chooses. */
export interface OfficeQuestion {
  /** The normalised name, or "№" and the number when the file gives an office number no office has. */
  key: string;
  written: string;
  candidates: number[];
  /** Where it was first seen, for the user. */
  where: string;
}

export interface ResultColumn {
  index: number;
  letter: string;
  header: string;
  field: ResultField;
}

export interface ResultAnalysis {
  /** The columns of the first sheet with a header row: the mapping the user sees and changes. */
  columns: ResultColumn[];
  headerLine: number;
  errors: ResultError[];
  records: ResultRecord[];
  questions: OfficeQuestion[];
  /** Per sheet: its header line and the office and year taken from outside the rows, for the preview. */
  sheets: { name: string; headerLine: number; office: string; year: number | null }[];
}

export interface ResultOptions {
  offices: OfficeRef[];
  items: ItemRef[];
  /** Header text (normalised) → meaning: the user's choices over the saved mapping. */
  mapping?: Record<string, string>;
  /** Rating words in every language (できている → 4), besides the numbers 1–4. */
  ratingWords: Record<string, number | "na">;
  /** The year used when neither the rows, the sheet, its title rows nor the file name give one. */
  defaultYear?: number | null;
  /** Office key (normalised name) → office id chosen by the user. */
  resolved?: Record<string, number>;
}

const MAX_TEXT = 2000;
const CORPORATE =
  /株式会社|有限会社|合同会社|合資会社|社会福祉法人|特定非営利活動法人|npo法人|一般社団法人|一般財団法人|公益社団法人|公益財団法人|医療法人|社団法人|財団法人|\(株\)|\(有\)|\(福\)|\(社福\)|\(特非\)|\(npo\)/g;

/** An office name for matching: NFKC (width), lower case, no spaces or punctuation, no corporate form. */
export function officeKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(CORPORATE, "")
    .replace(/[・.,、。\-‐－ー―_/()（）「」【】[\]"'“”]/g, "");
}

function textKey(value: string): string {
  return value.normalize("NFKC").replace(/\s+/g, "");
}

/** A fiscal year inside a longer text (a file name, a title): 令和5年度, 平成24年度, H30, R3, 2019年度, FY2019. */
export function findYearIn(text: string): number | null {
  const s = text.normalize("NFKC");
  const whole = parseFiscalYearInput(s.replace(/\.[a-z0-9]{2,4}$/i, ""));
  if (whole.ok) return whole.year;
  const patterns = [
    /(令和|平成|昭和)\s*(元|\d{1,2})(?![0-9])/,
    /(?<![a-z])([RH])\s?(元|\d{1,2})(?![0-9])/i,
    /(?<![0-9])(?:19|20)\d{2}(?![0-9])/,
  ];
  for (const p of patterns) {
    const m = p.exec(s);
    if (!m) continue;
    const parsed = parseFiscalYearInput(m[0]);
    if (parsed.ok) return parsed.year;
  }
  return null;
}

/** An office number (ten digits, full-width too) inside a longer text: a title line, a sheet's or a file's name. */
export function findOfficeNumberIn(text: string): string | null {
  const m = /(?<![0-9])[0-9]{10}(?![0-9])/.exec(text.normalize("NFKC"));
  return m ? m[0] : null;
}

/** A rating as the sheet writes it: 4, ４, "4.0", "4 できている", the word, or 該当なし. */
export function parseRating(raw: string, words: Record<string, number | "na">): number | "na" | null | undefined {
  const s = normaliseCode(raw);
  if (!s) return null;
  const n = /^([1-4])(?:\.0+)?$/.exec(s);
  if (n) return Number(n[1]);
  const known = new Map(Object.entries(words).map(([w, v]) => [textKey(w).toLowerCase(), v]));
  const key = textKey(s).toLowerCase();
  if (known.has(key)) return known.get(key);
  const prefixed = /^([1-4])[\s:：.]*(.+)$/.exec(s);
  if (prefixed) {
    const word = known.get(textKey(prefixed[2]).toLowerCase());
    if (word === Number(prefixed[1])) return word;
  }
  return undefined;
}

const SUBMITTED_LABEL = new Set(["提出日", "提出日時", "提出年月日", "submitted", "submittedon", "submissiondate"]);

/** A date written as 2025-07-01, 2025/7/1 or 2025年7月1日, as ISO text; anything else is no date. */
function isoDate(value: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(value.normalize("NFKC").trim());
  if (!m) return "";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return "";
  return date.toISOString().slice(0, 10);
}

/** Title lines above the header: "事業所名：つなぐ相談室", ["年度", "令和5年度"], or a title that names a year. */
function contextAbove(rows: Rows, headerIndex: number) {
  let office = "";
  let officeNumber = "";
  let submittedOn = "";
  let year: number | null = null;
  let titleYear: number | null = null;
  for (const { cells } of rows.slice(0, Math.max(headerIndex, 0))) {
    const filled = cells.map((c) => c.trim()).filter(Boolean);
    for (let i = 0; i < filled.length; i++) {
      const pair = /^([^:：]{1,20})[:：]\s*(.+)$/.exec(filled[i]);
      const [label, value] = pair ? [pair[1], pair[2]] : [filled[i], filled[i + 1] ?? ""];
      const field = resultHeaders.proposeField(label);
      if (field === "office" && value && !office) office = value.trim();
      if (field === "officeNumber" && value && !officeNumber) officeNumber = normaliseOfficeNumber(value);
      if (SUBMITTED_LABEL.has(normaliseHeader(label)) && !submittedOn) submittedOn = isoDate(value);
      if (field === "year" && value && year === null) year = findYearIn(value);
    }
    // A title that names a year ("平成30年度 自己評価結果"); a date ("2019-03-31", "2019年3月31日") is not one.
    if (titleYear === null)
      for (const c of filled) if (!/\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]/.test(c.normalize("NFKC"))) titleYear ??= findYearIn(c);
    // A title that carries an office number ("0410100001 つなぐ相談室").
    if (!officeNumber) for (const c of filled) officeNumber ||= findOfficeNumberIn(c) ?? "";
  }
  return { office, officeNumber, submittedOn, year, titleYear };
}

const GENERIC_SHEET = /^(sheet|シート|ｼｰﾄ|worksheet)\s*\d*$/i;

function baseName(file: string) {
  return file.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]{2,4}$/, "");
}

/** Reads every sheet: rows → records against the offices and the template's items; nothing partial. */
export function analyseResults(sheets: ResultSheet[], options: ResultOptions): ResultAnalysis {
  const errors: ResultError[] = [];
  const records: ResultRecord[] = [];
  const mapping = options.mapping ?? {};
  const offices = new Map<string, OfficeRef[]>();
  const byNumber = new Map<string, OfficeRef>();
  for (const o of options.offices) {
    const k = officeKey(o.name);
    offices.set(k, [...(offices.get(k) ?? []), o]);
    if (o.officeNumber) byNumber.set(o.officeNumber, o);
  }
  const byCode = new Map(options.items.map((i) => [i.code.toUpperCase(), i]));
  const byLabel = new Map(options.items.filter((i) => i.label).map((i) => [normaliseCode(i.label).toUpperCase(), i]));
  const byText = new Map(options.items.map((i) => [textKey(i.textJa), i]));
  const words: Record<string, number | "na"> = {};
  for (const [w, v] of Object.entries(options.ratingWords)) words[textKey(w).toLowerCase()] = v;
  const questions = new Map<string, OfficeQuestion>();
  const reportedOffices = new Set<string>();
  const seen = new Map<string, { line: number; sheet: string; record: ResultRecord }>();
  const several = sheets.length > 1;
  let columns: ResultColumn[] = [];
  let firstHeaderLine = 0;
  const sheetInfo: ResultAnalysis["sheets"] = [];

  /** The question key of an office as written: its number when it has one, else its normalised name. */
  const questionKey = (written: string, number: string) => (number ? `№${number}` : officeKey(written));
  // The office number first (an office's own number is unambiguous); then the normalised name. A number
  // no office has is matched by name only to an office without a number of its own (not recorded yet);
  // otherwise it is listed for the user, with the offices of that name as candidates.
  const resolveOffice = (written: string, number: string, where: string): number | null => {
    if (number) {
      const numbered = byNumber.get(number);
      if (numbered) return numbered.id;
    }
    const key = questionKey(written, number);
    if (!key) return null;
    const chosen = options.resolved?.[key];
    if (chosen !== undefined && options.offices.some((o) => o.id === chosen)) return chosen;
    const found = written ? (offices.get(officeKey(written)) ?? []) : [];
    if (found.length === 1 && (!number || !found[0].officeNumber)) return found[0].id;
    const shown = number ? (written ? `${written}（${number}）` : number) : written;
    if (!questions.has(key)) questions.set(key, { key, written: shown, candidates: found.map((o) => o.id), where });
    return null;
  };

  for (const sheet of sheets) {
    const sheetLabel = several ? (sheet.file && sheet.file !== sheet.name ? `${sheet.file} › ${sheet.name}` : sheet.name) : undefined;
    const headerIndex = resultHeaders.findHeaderRow(sheet.rows, mapping);
    const header = sheet.rows[headerIndex];
    if (!header) {
      if (sheet.rows.some((r) => r.cells.some((c) => c.trim())))
        errors.push({ line: 0, reason: "noHeader", sheet: sheetLabel ?? sheet.name });
      continue;
    }
    const fields = resultHeaders.proposeMapping(header.cells, mapping);
    const cols: ResultColumn[] = header.cells.map((h, index) => ({
      index,
      letter: columnLetter(index),
      header: normaliseText(h).replace(/^\uFEFF/, ""),
      field: fields[index],
    }));
    if (!columns.length) {
      columns = cols;
      firstHeaderLine = header.line;
    }
    const at = new Map<ResultField, ResultColumn>();
    let bad = false;
    for (const c of cols) {
      if (c.field === "ignore") continue;
      if (at.has(c.field)) {
        errors.push({
          line: header.line,
          column: `${c.letter}（${c.header}）`,
          reason: "duplicateField",
          value: c.field,
          sheet: sheetLabel,
        });
        bad = true;
      } else at.set(c.field, c);
    }
    if (!at.has("item") && !at.has("itemText")) {
      errors.push({ line: header.line, reason: "missingItemColumn", sheet: sheetLabel });
      bad = true;
    }
    if (!at.has("rating") && !at.has("ratingLabel")) {
      errors.push({ line: header.line, reason: "missingRatingColumn", sheet: sheetLabel });
      bad = true;
    }
    const above = contextAbove(sheet.rows, headerIndex);
    const sheetYear = findYearIn(sheet.name);
    const fileYear = sheet.file ? findYearIn(baseName(sheet.file)) : null;
    // The office outside the rows: a line above the header; else a sheet named after it; else the file's name.
    const namedSheet = !GENERIC_SHEET.test(sheet.name.trim()) && sheetYear === null ? sheet.name.trim() : "";
    const fileOffice = sheet.file && fileYear === null ? baseName(sheet.file) : "";
    const sheetOffice = above.office || namedSheet || fileOffice;
    // The office number outside the rows: a line above the header, the sheet's name, the file's name.
    const sheetNumber =
      above.officeNumber || findOfficeNumberIn(sheet.name) || (sheet.file ? findOfficeNumberIn(baseName(sheet.file)) : null) || "";
    const sheetYearAny = above.year ?? sheetYear ?? above.titleYear ?? fileYear ?? options.defaultYear ?? null;
    sheetInfo.push({
      name: sheetLabel ?? sheet.name,
      headerLine: header.line,
      office: at.has("office") || at.has("officeNumber") ? "" : [sheetOffice, sheetNumber].filter(Boolean).join(" "),
      year: at.has("year") ? null : sheetYearAny,
    });
    if (bad) continue;
    const colName = (f: ResultField) => {
      const c = at.get(f);
      return c ? `${c.letter}（${c.header || c.letter}）` : undefined;
    };
    const cell = (cells: string[], f: ResultField) => {
      const c = at.get(f);
      return c ? (cells[c.index] ?? "") : "";
    };
    let lastOffice = "";
    let lastNumber = "";
    let lastYear = "";
    for (const { line, cells } of sheet.rows.slice(headerIndex + 1)) {
      if (cells.every((c) => c.trim() === "")) continue;
      const rowErrors: ResultError[] = [];
      const err = (e: Omit<ResultError, "line" | "sheet">) => rowErrors.push({ line, sheet: sheetLabel, ...e });
      cells.forEach((value, index) => {
        const c = cols[index];
        if (!c || c.field === "ignore") return;
        if (value.includes("\uFFFD")) err({ column: `${c.letter}（${c.header || c.letter}）`, reason: "replacementChar" });
        else if (value.length > MAX_TEXT)
          err({ column: `${c.letter}（${c.header || c.letter}）`, reason: "tooLong", value: String(MAX_TEXT) });
      });
      const itemRaw = normaliseCode(cell(cells, "item"));
      const itemText = normaliseText(cell(cells, "itemText"));
      const ratingRaw = cell(cells, "rating").trim();
      const labelRaw = cell(cells, "ratingLabel").trim();
      // A row with neither an item nor a rating is a sub-heading (a category line): skipped.
      if (!itemRaw && !itemText) continue;
      // Merged or left-blank office and year cells take the value of the row above.
      const numberCell = normaliseOfficeNumber(cell(cells, "officeNumber"));
      const numberWritten = numberCell || (at.has("officeNumber") ? lastNumber : sheetNumber);
      // A row that starts another office's number does not take the name of the row above.
      const officeWritten =
        normaliseText(cell(cells, "office")) ||
        (at.has("office") ? (numberCell && numberCell !== lastNumber ? "" : lastOffice) : sheetOffice);
      const yearWritten = cell(cells, "year").trim() || (at.has("year") ? lastYear : "");
      if (at.has("office")) lastOffice = officeWritten;
      if (at.has("officeNumber")) lastNumber = numberWritten;
      if (at.has("year")) lastYear = yearWritten;

      let officeId: number | null = null;
      if (numberWritten && !isOfficeNumber(numberWritten))
        err({ column: colName("officeNumber"), reason: "badOfficeNumber", value: numberWritten.slice(0, 40) });
      else if (!officeWritten && !numberWritten) err({ column: colName("office"), reason: "noOffice" });
      else {
        officeId = resolveOffice(officeWritten, numberWritten, sheetLabel ? `${sheetLabel} ${line}` : String(line));
        if (officeId === null) {
          const key = questionKey(officeWritten, numberWritten);
          const q = questions.get(key);
          // Named once per sheet (its first line); the list below the mapping resolves every row at once.
          const once = `${sheetLabel ?? ""}\u0000${key}`;
          if (reportedOffices.has(once)) continue;
          reportedOffices.add(once);
          err({
            column: colName(numberWritten && at.has("officeNumber") ? "officeNumber" : "office"),
            // A number no office has is "not found", even when offices of the written name are offered.
            reason: q?.candidates.length && !numberWritten ? "ambiguousOffice" : "unmatchedOffice",
            value: q?.written ?? officeWritten,
          });
        }
      }
      let fiscalYear: number | null = null;
      if (yearWritten) {
        const parsed = parseFiscalYearInput(yearWritten);
        if (parsed.ok) fiscalYear = parsed.year;
        else err({ column: colName("year"), reason: "badYear", value: yearWritten });
      } else if (sheetYearAny !== null) fiscalYear = sheetYearAny;
      else err({ column: colName("year"), reason: "noYear" });

      const item =
        (itemRaw ? (byCode.get(itemRaw.toUpperCase()) ?? byLabel.get(itemRaw.toUpperCase())) : undefined) ??
        (itemText ? byText.get(textKey(itemText)) : undefined);
      if (!item) err({ column: colName(itemRaw ? "item" : "itemText"), reason: "unknownItem", value: (itemRaw || itemText).slice(0, 80) });

      let rating = parseRating(ratingRaw, words);
      if (rating === null && labelRaw) rating = parseRating(labelRaw, words);
      if (rating === undefined)
        err({ column: colName(ratingRaw ? "rating" : "ratingLabel"), reason: "badRating", value: (ratingRaw || labelRaw).slice(0, 80) });

      if (rowErrors.length) {
        errors.push(...rowErrors);
        continue;
      }
      const comment = normaliseText(cell(cells, "comment"));
      const evidence = normaliseText(cell(cells, "evidence"));
      // An item left unrated (and without a note) was not answered that year.
      if (rating === null && !comment && !evidence) continue;
      const record: ResultRecord = {
        officeId: officeId!,
        fiscalYear: fiscalYear!,
        itemCode: item!.code,
        rating: typeof rating === "number" ? rating : null,
        notApplicable: rating === "na",
        reason: rating === "na" ? normaliseText(cell(cells, "reason")) : "",
        comment,
        evidence,
        ...(above.submittedOn && !at.has("office") && !at.has("officeNumber") ? { submittedOn: above.submittedOn } : {}),
      };
      const key = `${record.officeId}/${record.fiscalYear}/${record.itemCode}`;
      const before = seen.get(key);
      if (before) {
        if (JSON.stringify(before.record) !== JSON.stringify(record))
          errors.push({
            line,
            sheet: sheetLabel,
            column: colName(itemRaw ? "item" : "itemText"),
            reason: "duplicateResult",
            value: before.sheet ? `${before.sheet} ${before.line}` : String(before.line),
          });
        continue;
      }
      seen.set(key, { line, sheet: sheetLabel ?? "", record });
      records.push(record);
    }
  }
  if (!columns.length && !errors.length) errors.push({ line: 0, reason: "noHeader" });
  if (!errors.length && !records.length) errors.push({ line: 0, reason: "noRows" });
  return { columns, headerLine: firstHeaderLine, errors, records, questions: [...questions.values()], sheets: sheetInfo };
}

/** Records grouped per office and year: one imported sheet each. */
export function groupResults(records: ResultRecord[]) {
  const groups = new Map<string, { officeId: number; fiscalYear: number; submittedOn?: string; answers: ResultRecord[] }>();
  for (const r of records) {
    const key = `${r.officeId}/${r.fiscalYear}`;
    if (!groups.has(key)) groups.set(key, { officeId: r.officeId, fiscalYear: r.fiscalYear, submittedOn: r.submittedOn, answers: [] });
    groups.get(key)!.answers.push(r);
  }
  return [...groups.values()].sort((a, b) => a.officeId - b.officeId || a.fiscalYear - b.fiscalYear);
}

/** A user's column choices (by the first sheet's header texts) as a header → meaning table. */
export function mappingFromColumns(columns: { header: string; field: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const key = normaliseHeader(c.header);
    if (key) out[key] = c.field;
  }
  return out;
}
