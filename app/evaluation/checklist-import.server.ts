// Importing a city's own checklist spreadsheet as a new template version: upload → columns mapped
// (proposed, changeable, remembered) → preview as stored, items matched to the previous version →
// saved as a draft only when the whole file is valid. Also the downloadable XLSX template and
// setting an item's or a category's training pillar afterwards.
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { can } from "~/auth/capabilities";
import { forbidden, notFound } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { analyseChecklist, FIELDS, normaliseHeader, PILLARS, type Analysis, type Field, type PreviousVersion } from "./checklist-import";
import { carriedSheetsField, LIMITS, readSpreadsheet, type Sheet, type SpreadsheetProblem } from "./spreadsheet.server";
import { forgetTemplate } from "./evaluation.server";
import { insertTemplateVersion } from "./template-store";
import { newWorkbook, workbookBytes } from "~/lib/xlsx.server";

function requireSubcommittee(user: SessionUser) {
  if (!can(user, "manageChecklists")) throw forbidden();
}

/** The version to match items against and every code any version has used. */
export async function previousVersion(): Promise<PreviousVersion | null> {
  // The latest published version (what offices rated); the latest draft only when nothing is published.
  const latest = await prisma.checklistTemplate.findFirst({
    orderBy: [{ status: "desc" }, { version: "desc" }],
    include: { categories: true, items: { orderBy: { sortOrder: "asc" } } },
  });
  if (!latest) return null;
  const [itemCodes, categoryCodes] = await Promise.all([
    prisma.checklistItem.findMany({ distinct: ["code"], select: { code: true } }),
    prisma.checklistCategory.findMany({ distinct: ["code"], select: { code: true } }),
  ]);
  return {
    version: latest.version,
    categories: latest.categories.map((c) => ({ code: c.code, nameJa: c.nameJa })),
    items: latest.items.map((i) => ({ code: i.code, label: i.label, textJa: i.textJa })),
    usedItemCodes: itemCodes.map((c) => c.code),
    usedCategoryCodes: categoryCodes.map((c) => c.code),
  };
}

export async function savedMapping(kind: "checklist" | "results"): Promise<Record<string, string>> {
  const row = await prisma.importMapping.findUnique({ where: { kind } });
  return (row?.fields as Record<string, string> | undefined) ?? {};
}

export async function rememberMapping(kind: "checklist" | "results", columns: { header: string; field: string }[]) {
  const fields = { ...(await savedMapping(kind)) };
  for (const c of columns) {
    const key = normaliseHeader(c.header);
    if (key) fields[key] = c.field;
  }
  await prisma.importMapping.upsert({ where: { kind }, create: { kind, fields }, update: { fields } });
}

// ---------- the form's state, carried between steps and checked again on every post ----------

export const checklistStepSchema = z.object({
  sheets: carriedSheetsField({}),
  fileName: z.string().max(300).default(""),
  encoding: z.string().max(60).default(""),
  note: z.string().max(500).default(""),
  sheet: z.coerce.number().int().min(0).max(LIMITS.sheets).default(0),
  headerLine: z.coerce.number().int().min(0).max(10_000_000).optional(),
  mapping: z.array(z.enum(FIELDS)).max(LIMITS.columns).optional(),
  choices: z.record(z.string().max(12), z.string().max(60)).default({}),
  acknowledgeDropped: z.boolean().default(false),
  /** The sheet or header row changed: propose the mapping again. */
  remap: z.boolean().default(false),
});
export type ChecklistStepInput = z.infer<typeof checklistStepSchema>;

/** Reads the form fields of a mapping/preview/confirm post into the schema's input. */
export function checklistStepFields(form: FormData) {
  const mapping: string[] = [];
  const choices: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const m = /^map_(\d{1,3})$/.exec(key);
    if (m) mapping[Number(m[1])] = value;
    const c = /^match_(\d{1,9})$/.exec(key);
    if (c) choices[c[1]] = value;
  }
  return {
    sheets: form.get("sheets") ?? "",
    fileName: form.get("fileName") ?? undefined,
    encoding: form.get("encoding") ?? undefined,
    note: form.get("note") ?? undefined,
    sheet: form.get("sheet") ?? undefined,
    headerLine: form.get("headerLine") || undefined,
    mapping: mapping.length ? Array.from(mapping, (v) => v ?? "ignore") : undefined,
    choices,
    acknowledgeDropped: form.get("acknowledgeDropped") === "on",
    remap: form.get("intent") === "sheet",
  };
}

export interface ChecklistStep {
  fileName: string;
  encoding: string;
  note: string;
  sheets: Sheet[];
  sheet: number;
  analysis: Analysis;
  /** The first rows as they will be stored. */
  previewItems: NonNullable<Analysis["template"]>["items"];
  previous: { version: number; items: PreviousVersion["items"] } | null;
  /** Cells of the chosen sheet that held U+FFFD (already in the file, e.g. from an earlier bad conversion). */
  sheetNames: string[];
}

async function analyseStep(input: ChecklistStepInput, acknowledge: boolean | undefined): Promise<ChecklistStep> {
  const sheet = Math.min(input.sheet, input.sheets.length - 1);
  const rows = input.sheets[sheet].rows;
  const [previous, saved] = await Promise.all([previousVersion(), savedMapping("checklist")]);
  const headerIndex = input.remap || input.headerLine === undefined ? undefined : rows.findIndex((r) => r.line === input.headerLine);
  const analysis = analyseChecklist(rows, {
    headerIndex: headerIndex !== undefined && headerIndex >= 0 ? headerIndex : undefined,
    mapping: input.remap ? undefined : (input.mapping as Field[] | undefined),
    saved,
    previous,
    choices: input.choices,
    acknowledgeDropped: acknowledge,
  });
  return {
    fileName: input.fileName,
    encoding: input.encoding,
    note: input.note,
    sheets: input.sheets,
    sheet,
    analysis,
    previewItems: analysis.template?.items.slice(0, 8) ?? [],
    previous: previous ? { version: previous.version, items: previous.items } : null,
    sheetNames: input.sheets.map((s) => s.name),
  };
}

export type UploadOutcome = { ok: true; step: ChecklistStep } | { ok: false; problem: SpreadsheetProblem; value?: string };

/** Step 1: an uploaded file → sheets → the first sheet with rows, its header row and the proposed mapping. */
export async function uploadChecklist(user: SessionUser, file: { name: string; bytes: Uint8Array }, note: string): Promise<UploadOutcome> {
  requireSubcommittee(user);
  const read = await readSpreadsheet(file.bytes, file.name);
  if (!read.ok) return read;
  const sheets = read.sheets.filter((s) => s.rows.length > 0);
  if (!sheets.length) return { ok: false, problem: "empty" };
  // The first sheet in which a header row is found with known columns.
  let sheet = 0;
  for (let i = 0; i < sheets.length; i++) {
    const a = analyseChecklist(sheets[i].rows, {});
    if (a.columns.some((c) => c.field === "textJa")) {
      sheet = i;
      break;
    }
  }
  const step = await analyseStep(
    {
      sheets,
      fileName: file.name.slice(0, 300),
      encoding: read.encoding,
      note: note.slice(0, 500),
      sheet,
      choices: {},
      acknowledgeDropped: false,
      remap: true,
    },
    undefined,
  );
  return { ok: true, step };
}

/** Step 2: the user's mapping, sheet, header row or matches changed: analysed again. */
export async function remapChecklist(user: SessionUser, input: ChecklistStepInput): Promise<ChecklistStep> {
  requireSubcommittee(user);
  return analyseStep(input, undefined);
}

/** Step 3: saved as a draft version when every row is valid and dropped items were acknowledged. */
export async function confirmChecklist(
  user: SessionUser,
  input: ChecklistStepInput,
): Promise<{ ok: true; version: number } | { ok: false; step: ChecklistStep }> {
  requireSubcommittee(user);
  const step = await analyseStep(input, input.acknowledgeDropped);
  const template = step.analysis.template;
  if (!template || step.analysis.errors.length) return { ok: false, step };
  const { id, version } = await insertTemplateVersion(prisma, template, { note: input.note });
  await rememberMapping("checklist", step.analysis.columns);
  const linked = step.analysis.matches.filter((m) => m.how).length;
  await audit({
    actorId: user.id,
    action: "checklist.import",
    entityType: "ChecklistTemplate",
    entityId: id,
    summary: `v${version}: ${template.items.length} items from ${input.fileName} (${input.encoding}); ${linked} linked to v${step.previous?.version ?? "-"}, ${step.analysis.dropped.length} dropped`,
  });
  return { ok: true, version };
}

// ---------- pillar set afterwards ----------

export const pillarSchema = z.object({
  target: z.enum(["item", "category"]),
  code: z.string().trim().min(1).max(60),
  pillar: z.union([z.enum(PILLARS), z.literal("")]),
});

/** Sets the training pillar of one item, or of every item of a category. The pillar is a classification, not the item's content, so published versions may have it set too. */
export async function setPillar(user: SessionUser, templateId: number, input: z.infer<typeof pillarSchema>) {
  requireSubcommittee(user);
  const pillar = input.pillar || null;
  const where = input.target === "item" ? { templateId, code: input.code } : { templateId, category: { code: input.code, templateId } };
  const updated = await prisma.checklistItem.updateMany({ where, data: { pillar } });
  if (updated.count === 0) throw notFound();
  await forgetTemplate(templateId);
  await audit({
    actorId: user.id,
    action: "checklist.setPillar",
    entityType: "ChecklistTemplate",
    entityId: templateId,
    summary: `${input.target} ${input.code}: ${pillar ?? "—"} (${updated.count} items)`,
  });
  return updated.count;
}

// ---------- the downloadable template ----------

/** An XLSX template: a title row, the header row in Japanese, example rows, and a sheet explaining each column. */
export async function checklistTemplateXlsx(locale: "ja" | "en"): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(locale === "en" ? "Checklist" : "チェックシート");
  ws.addRow([locale === "en" ? "Self-evaluation checklist (template)" : "相談支援事業所 運営自己評価チェックシート（様式）"]);
  ws.addRow([]);
  ws.addRow(["番号", "区分", "評価項目", "着眼点", "根拠資料", "研修の柱"]);
  ws.addRow([
    "1",
    "運営体制",
    "事業所の運営方針を職員全員が理解している。",
    "運営規程の読み合わせをしている。",
    "運営規程、会議録",
    "人材育成",
  ]);
  ws.addRow(["2", "", "苦情解決の仕組みを利用者に説明している。", "重要事項説明書に記載がある。", "重要事項説明書", ""]);
  ws.addRow(["1-1", "アセスメント", "本人の意向を本人の言葉で記録している。\n（家族の意向と分けて記録）", "", "", "個別支援"]);
  ws.getRow(3).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [8, 16, 50, 36, 24, 12][i]));
  ws.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  const help = wb.addWorksheet(locale === "en" ? "Columns" : "列の説明");
  help.addRow(locale === "en" ? ["Column", "Meaning", "Required"] : ["列", "意味", "必須"]);
  const rows: [string, string, string, string][] = [
    [
      "番号",
      "項目の番号（1、1-1、A-3 など書かれたまま）。全角数字も使えます。",
      "Item number as written (1, 1-1, A-3). Full-width digits are fine.",
      "—",
    ],
    [
      "区分",
      "分野・大項目の名前。空欄は上の行と同じ区分になります（結合セルも可）。",
      "Category name. A blank cell takes the category of the row above (merged cells too).",
      "—",
    ],
    [
      "評価項目",
      "項目の文章。セル内の改行はそのまま保存されます。",
      "The item's text. Line breaks inside the cell are kept.",
      "必須 / required",
    ],
    ["着眼点", "評価の視点・解説。", "What to look at (guidance).", "—"],
    ["根拠資料", "確認書類の例。", "Examples of evidence.", "—"],
    [
      "研修の柱",
      "個別支援・地域支援・人材育成（空欄可、あとで設定できます）。",
      "individual / community / hr (個別支援・地域支援・人材育成); may be blank and set later.",
      "—",
    ],
  ];
  for (const [col, ja, en, req] of rows) help.addRow([col, locale === "en" ? en : ja, req]);
  help.addRow([]);
  help.addRow([
    locale === "en"
      ? "Rows above the header (titles, blank rows) are skipped. CSV in UTF-8 or Shift_JIS is accepted too. Column names may differ: you choose each column's meaning after upload."
      : "見出し行より上のタイトル行・空行は読み飛ばします。CSV（UTF-8・Shift_JIS）も使えます。列名が違っても、取り込み時に各列の意味を選べます。",
  ]);
  help.columns.forEach((c, i) => (c.width = [12, 80, 16][i]));
  return Buffer.from(await workbookBytes(wb));
}
