// The office's sheet as an Excel workbook (one row per item), for filing and for the city.
import ExcelJS from "exceljs";
import { translator, type Locale, type MessageKey } from "~/i18n";
import { fiscalYearLabelEn, fiscalYearLabelJa } from "~/lib/fiscal-year";
import { loadSheet } from "./evaluation.server";

export async function sheetWorkbook(officeId: number, officeName: string, fiscalYear: number, locale: Locale): Promise<ArrayBuffer> {
  const t = translator(locale);
  const sheet = await loadSheet(officeId, fiscalYear);
  const answers = new Map(sheet.answers.map((a) => [a.code, a]));
  const categories = new Map(sheet.template.categories.map((c) => [c.code, locale === "en" ? c.nameEn : c.nameJa]));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tsunagu";
  const ws = workbook.addWorksheet(t("evaluation.export.sheetName"));
  const year = locale === "en" ? fiscalYearLabelEn(fiscalYear) : fiscalYearLabelJa(fiscalYear);
  ws.addRow([`${officeName} ${t("evaluation.sheet.title", { year })}`]);
  ws.addRow([`${t("evaluation.sheet.version", { version: sheet.template.version })} / ${t(`evaluation.status.${sheet.status}`)}`]);
  ws.addRow([]);
  const header = ws.addRow([
    t("evaluation.results.category"),
    t("checklists.col.code"),
    t("checklists.col.text"),
    t("evaluation.item.ratingLegend"),
    t("evaluation.item.reason"),
    t("evaluation.item.comment"),
    t("evaluation.item.evidence"),
  ]);
  header.font = { bold: true };
  for (const item of sheet.template.items) {
    const a = answers.get(item.code);
    const rating = a
      ? a.notApplicable
        ? t("evaluation.rating.na")
        : a.rating
          ? `${a.rating} ${t(`evaluation.rating.${a.rating}` as MessageKey)}`
          : ""
      : "";
    ws.addRow([
      categories.get(item.categoryCode) ?? item.categoryCode,
      item.code,
      locale === "en" && item.textEn ? item.textEn : item.textJa,
      rating,
      a?.notApplicable ? a.reason : "",
      a?.comment ?? "",
      a?.evidence ?? "",
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = [22, 10, 60, 18, 24, 40, 40][i]));
  ws.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
