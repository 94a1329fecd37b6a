// The annual report (年次報告): the figures the council reports for its two programmes, for the page
// and its XLSX/CSV exports. Counts only — nothing here identifies an office.
import { translator, type Locale, type MessageKey } from "~/i18n";
import { exportPreamble, toCsv } from "~/lib/csv";
import { formatFiscalYear } from "~/i18n/format";
import { effectTable, trainingEffectFor } from "~/office-training/office-training.server";
import { councilFigures, figureLabel } from "./council-figures.server";
import { newWorkbook, workbookBytes } from "~/lib/xlsx.server";
import { councilStamps, type CouncilStamps } from "~/lib/council-version.server";

export interface ReportRow {
  programme: "training" | "evaluation";
  /** The figure's name and the sentence saying what it counts. */
  label: MessageKey;
  counts: MessageKey;
  value: number | null;
}

/**
 * The report with training's effect (the page, the XLSX, the CSV): the council's and the training version are read
 * once for both.
 */
export async function reportWithEffect(fiscalYear: number, locale: Locale) {
  const stamps = await councilStamps();
  const [report, effect] = await Promise.all([annualReport(fiscalYear, stamps), trainingEffectFor(fiscalYear, locale, null, stamps)]);
  return { ...report, effect };
}

/** The report page: its rows, and whether the training figures are counted from records this year. */
export async function annualReport(fiscalYear: number, stamps?: CouncilStamps): Promise<{ rows: ReportRow[]; trainingAvailable: boolean }> {
  const { figures, trainingCounted } = await councilFigures(fiscalYear, undefined, stamps);
  const rows = figures.map((f) => {
    const l = figureLabel(f.key);
    return { programme: f.programme, label: l.name, counts: l.counts, value: f.value };
  });
  return { rows, trainingAvailable: trainingCounted };
}

function labelled(rows: ReportRow[], locale: Locale) {
  const t = translator(locale);
  return rows.map(
    (r) =>
      [
        t(r.programme === "training" ? "cycle.report.training" : "cycle.report.evaluation"),
        t(r.label),
        t(r.counts),
        r.value ?? "—",
      ] as const,
  );
}

const header = (t: ReturnType<typeof translator>) => [
  t("cycle.report.programme"),
  t("figures.col.name"),
  t("figures.col.counts"),
  t("figures.col.value"),
];

export async function reportWorkbook(fiscalYear: number, locale: Locale): Promise<ArrayBuffer> {
  const t = translator(locale);
  const { rows, effect: effectRows } = await reportWithEffect(fiscalYear, locale);
  const year = formatFiscalYear(fiscalYear, locale);
  const workbook = await newWorkbook();
  const ws = workbook.addWorksheet(t("cycle.report.sheetName"));
  const [title, exported, blank] = exportPreamble(t("cycle.report.title", { year }), t("imports.export.exportedAt"));
  ws.addRow(title).font = { bold: true };
  ws.addRow(exported);
  ws.addRow(blank);
  ws.addRow(header(t)).font = { bold: true };
  for (const r of labelled(rows, locale)) ws.addRow([...r]);
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 60;
  ws.getColumn(4).width = 10;
  // Training's effect (issue 17) on its own sheet: figures as numbers, withheld groups empty, the caution below.
  const effect = effectTable(effectRows, locale);
  const es = workbook.addWorksheet(t("officeTraining.effect.sheetName"));
  es.addRow([t("officeTraining.effect.title", { from: formatFiscalYear(fiscalYear - 1, locale), to: year })]).font = { bold: true };
  es.addRow([effect.caution]);
  es.addRow([]);
  es.addRow(effect.header).font = { bold: true };
  for (const r of effect.rows) es.addRow(r);
  es.getColumn(2).width = 30;
  return workbookBytes(workbook);
}

/** CSV (app/lib/csv.ts: UTF-8 with a BOM, formula guard). */
export async function reportCsv(fiscalYear: number, locale: Locale): Promise<string> {
  const t = translator(locale);
  const { rows, effect: effectRows } = await reportWithEffect(fiscalYear, locale);
  // Training's effect (issue 17) follows the figures after an empty line, with its own header and the caution.
  const effect = effectTable(effectRows, locale);
  return toCsv([
    ...exportPreamble(t("cycle.report.title", { year: formatFiscalYear(fiscalYear, locale) }), t("imports.export.exportedAt")),
    header(t),
    ...labelled(rows, locale),
    [],
    [t("officeTraining.effect.title", { from: formatFiscalYear(fiscalYear - 1, locale), to: formatFiscalYear(fiscalYear, locale) })],
    [effect.caution],
    effect.header,
    ...effect.rows.map((r) => r.map((v) => v ?? "")),
  ]);
}
