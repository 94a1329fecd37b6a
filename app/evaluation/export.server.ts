// The office's sheet as an Excel workbook (one row per item), for filing and for the city.
import { inLocale, type Locale, type MessageKey, translator } from "~/i18n";
import { fiscalYearLabelEn, fiscalYearLabelJa } from "~/lib/fiscal-year";
import { now } from "~/lib/clock";
import { jstDateString } from "~/lib/jst";
import { prisma } from "~/db.server";
import { loadSheet } from "./evaluation.server";
import { newWorkbook, workbookBytes } from "~/lib/xlsx.server";

export async function sheetWorkbook(officeId: number, officeName: string, fiscalYear: number, locale: Locale): Promise<ArrayBuffer> {
  const t = translator(locale);
  const sheet = await loadSheet(officeId, fiscalYear);
  const office = await prisma.office.findUnique({ where: { id: officeId }, select: { officeNumber: true } });
  const answers = new Map(sheet.answers.map((a) => [a.code, a]));
  const categories = new Map(sheet.template.categories.map((c) => [c.code, locale === "en" ? c.nameEn : c.nameJa]));
  const workbook = await newWorkbook();
  const ws = workbook.addWorksheet(t("evaluation.export.sheetName"));
  const year = locale === "en" ? fiscalYearLabelEn(fiscalYear) : fiscalYearLabelJa(fiscalYear);
  ws.addRow([`${officeName} ${t("evaluation.sheet.title", { year })}`]);
  ws.addRow([`${t("evaluation.sheet.version", { version: sheet.template.version })} / ${t(`evaluation.status.${sheet.status}`)}`]);
  // Named lines the results import reads back (issue 11): the office by its name, the year, the dates.
  ws.addRow([t("imports.export.office"), officeName]);
  // The number as text (a leading 0 kept), matched first when the sheet comes back.
  ws.addRow([t("imports.export.officeNumber"), office?.officeNumber ?? ""]);
  ws.addRow([t("imports.export.year"), year]);
  ws.addRow([t("imports.export.submittedAt"), sheet.submittedAt ? jstDateString(new Date(sheet.submittedAt)) : "—"]);
  ws.addRow([t("imports.export.exportedAt"), jstDateString(now())]);
  ws.addRow([]);
  const header = ws.addRow([
    t("evaluation.results.category"),
    t("checklists.col.code"),
    t("checklists.col.text"),
    t("evaluation.item.ratingLegend"),
    t("imports.export.ratingLabel"),
    t("evaluation.item.reason"),
    t("evaluation.item.comment"),
    t("evaluation.item.evidence"),
  ]);
  header.font = { bold: true };
  for (const item of sheet.template.items) {
    const a = answers.get(item.code);
    // The rating is a number (4), its words in the next column; not applicable has no number.
    const rating = a && !a.notApplicable && a.rating ? a.rating : null;
    const label = a ? (a.notApplicable ? t("evaluation.rating.na") : rating ? t(`evaluation.rating.${rating}` as MessageKey) : "") : "";
    ws.addRow([
      categories.get(item.categoryCode) ?? item.categoryCode,
      item.code,
      inLocale(locale, item.textJa, item.textEn),
      rating,
      label,
      a?.notApplicable ? a.reason : "",
      a?.comment ?? "",
      a?.evidence ?? "",
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = [22, 10, 60, 8, 18, 24, 40, 40][i]));
  ws.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  return workbookBytes(workbook);
}
