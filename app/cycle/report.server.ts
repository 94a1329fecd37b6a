// The annual report (年次報告): the figures the council reports for its two programmes, for the page
// and its XLSX/CSV exports. Counts only — nothing here identifies an office.
import ExcelJS from "exceljs";
import { prisma } from "~/db.server";
import { translator, type Locale, type MessageKey } from "~/i18n";
import { toCsv } from "~/lib/csv";
import { fiscalYearLabelEn, fiscalYearLabelJa } from "~/lib/fiscal-year";
import { meetingFigures } from "./dashboard.server";
import { trainingFigures } from "./training-figures.server";

export interface ReportRow {
  programme: "training" | "evaluation";
  label: MessageKey;
  value: number | null;
}

export async function reportFigures(fiscalYear: number): Promise<ReportRow[]> {
  const [training, selfEvaluated, meetings, [plans], peer] = await Promise.all([
    trainingFigures(fiscalYear),
    prisma.evaluation.count({ where: { fiscalYear, status: "SUBMITTED" } }),
    meetingFigures(fiscalYear),
    prisma.$queryRaw<{ filed: number; completed: number; itemsDone: number }[]>`
      SELECT COUNT(*) FILTER (WHERE p.status <> 'DRAFT')::int AS filed,
             COUNT(*) FILTER (WHERE p.status <> 'DRAFT' AND s.items > 0 AND s.open = 0)::int AS completed,
             COALESCE(SUM(s.done) FILTER (WHERE p.status <> 'DRAFT'), 0)::int AS "itemsDone"
      FROM "ActionPlan" p
      LEFT JOIN LATERAL (
        SELECT COUNT(*)::int AS items,
               COUNT(*) FILTER (WHERE i.status = 'DONE')::int AS done,
               COUNT(*) FILTER (WHERE i.status IN ('PLANNED', 'IN_PROGRESS'))::int AS open
        FROM "ActionPlanItem" i WHERE i."planId" = p.id) s ON true
      WHERE p."fiscalYear" = ${fiscalYear}`,
    prisma.peerActivity.count({ where: { fiscalYear } }),
  ]);
  return [
    ...training.tracks.map((tr) => ({
      programme: "training" as const,
      label: `cycle.track.${tr.key}` as MessageKey,
      value: tr.participants,
    })),
    { programme: "training", label: "cycle.report.sessionsHeld", value: training.sessionsHeld },
    { programme: "evaluation", label: "cycle.report.selfEvaluated", value: selfEvaluated },
    { programme: "evaluation", label: "cycle.report.meetingOffices", value: meetings.attendedOffices },
    { programme: "evaluation", label: "cycle.report.meetingPeople", value: meetings.attendedPeople },
    { programme: "evaluation", label: "cycle.report.plansFiled", value: plans.filed },
    { programme: "evaluation", label: "cycle.report.plansCompleted", value: plans.completed },
    { programme: "evaluation", label: "cycle.report.itemsDone", value: plans.itemsDone },
    { programme: "evaluation", label: "cycle.report.peerActivities", value: peer },
  ];
}

function labelled(rows: ReportRow[], locale: Locale) {
  const t = translator(locale);
  return rows.map(
    (r) => [t(r.programme === "training" ? "cycle.report.training" : "cycle.report.evaluation"), t(r.label), r.value ?? "—"] as const,
  );
}

export async function reportWorkbook(fiscalYear: number, locale: Locale): Promise<ArrayBuffer> {
  const t = translator(locale);
  const rows = await reportFigures(fiscalYear);
  const year = locale === "en" ? fiscalYearLabelEn(fiscalYear) : fiscalYearLabelJa(fiscalYear);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tsunagu";
  const ws = workbook.addWorksheet(t("cycle.report.sheetName"));
  ws.addRow([t("cycle.report.title", { year })]).font = { bold: true };
  ws.addRow([]);
  ws.addRow([t("cycle.report.programme"), t("cycle.col.figure"), t("cycle.col.value")]).font = { bold: true };
  for (const r of labelled(rows, locale)) ws.addRow([...r]);
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 12;
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

/** CSV (app/lib/csv.ts: UTF-8 with a BOM, formula guard). */
export async function reportCsv(fiscalYear: number, locale: Locale): Promise<string> {
  const t = translator(locale);
  const rows = await reportFigures(fiscalYear);
  const lines = [[t("cycle.report.programme"), t("cycle.col.figure"), t("cycle.col.value")], ...labelled(rows, locale)];
  return toCsv(lines);
}
