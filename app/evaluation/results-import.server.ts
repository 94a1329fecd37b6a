// Importing past years' results (issue 11): upload one or more files → columns mapped (the checklist
// import's header reader and remembered mapping, kind "results") → offices matched, the unmatched and
// ambiguous resolved by the user → preview → saved in one transaction as submitted, read-only sheets
// marked `imported`, each with an IMPORTED history event. Importing the same file again changes nothing;
// a year an office already has a sheet for in the platform is never overwritten.
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { can } from "~/auth/capabilities";
import { forbidden } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { translator } from "~/i18n";
import { parseFiscalYearInput } from "~/lib/fiscal-year";
import { now } from "~/lib/clock";
import { parseJstDate } from "~/lib/jst";
import { savedMapping, rememberMapping } from "./checklist-import.server";
import { analyseResults, groupResults, mappingFromColumns, RESULT_FIELDS, type ResultAnalysis, type ResultError } from "./results-import";
import { carriedSheetsField, LIMITS, readSpreadsheet, type SpreadsheetProblem } from "./spreadsheet.server";

function requireImporter(user: SessionUser) {
  if (!can(user, "importResults")) throw forbidden();
}

/** Rating words of both languages (できている → 4, Not applicable → na), besides the numbers. */
function ratingWords(): Record<string, number | "na"> {
  const words: Record<string, number | "na"> = { 該当なし: "na", 非該当: "na", 対象外: "na", "n/a": "na", na: "na" };
  for (const locale of ["ja", "en"] as const) {
    const t = translator(locale);
    for (const n of [1, 2, 3, 4] as const) words[t(`evaluation.rating.${n}`)] = n;
    words[t("evaluation.rating.na")] = "na";
  }
  return words;
}

export const resultsStepSchema = z.object({
  sheets: carriedSheetsField({ file: z.string().max(300).optional() }),
  fileName: z.string().max(1000).default(""),
  encoding: z.string().max(300).default(""),
  version: z.coerce.number().int().min(1).max(100_000).optional(),
  defaultYear: z.string().max(40).default(""),
  mapping: z.array(z.enum(RESULT_FIELDS)).max(LIMITS.columns).optional(),
  resolved: z.record(z.string().max(300), z.coerce.number().int().min(1)).default({}),
  remap: z.boolean().default(false),
});
export type ResultsStepInput = z.infer<typeof resultsStepSchema>;

/** Reads the form fields of a mapping/preview/confirm post into the schema's input. */
export function resultsStepFields(form: FormData) {
  const mapping: string[] = [];
  const resolved: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const m = /^map_(\d{1,3})$/.exec(key);
    if (m) mapping[Number(m[1])] = value;
    const r = /^office_(.{1,300})$/.exec(key);
    if (r && value) resolved[r[1]] = value;
  }
  return {
    sheets: form.get("sheets") ?? "",
    fileName: form.get("fileName") ?? undefined,
    encoding: form.get("encoding") ?? undefined,
    version: form.get("version") || undefined,
    defaultYear: form.get("defaultYear") ?? undefined,
    mapping: mapping.length ? Array.from(mapping, (v) => v ?? "ignore") : undefined,
    resolved,
    remap: form.get("intent") === "remap",
  };
}

export interface ResultsStep {
  fileName: string;
  encoding: string;
  sheets: ResultsStepInput["sheets"];
  version: number;
  versions: { version: number; status: string; items: number }[];
  defaultYear: string;
  defaultYearError: boolean;
  analysis: ResultAnalysis;
  offices: { id: number; name: string; ward: string; officeNumber?: string | null }[];
  /** One line per office and year: what saving will do. */
  plan: { officeId: number; office: string; fiscalYear: number; answers: number; action: "new" | "replace" | "unchanged" | "conflict" }[];
  answers: number;
  /** Errors besides the analysis': a year the office already has a sheet for in the platform. */
  errors: ResultError[];
  /** Office names the user resolved (normalised name → office id), carried to the next post. */
  resolved: Record<string, number>;
}

async function analyseStep(input: ResultsStepInput): Promise<ResultsStep> {
  const [templates, offices, saved] = await Promise.all([
    prisma.checklistTemplate.findMany({ orderBy: { version: "desc" }, include: { _count: { select: { items: true } } } }),
    prisma.office.findMany({ orderBy: { name: "asc" }, include: { ward: true } }),
    savedMapping("results"),
  ]);
  const published = templates.find((t) => t.status === "PUBLISHED") ?? templates[0];
  const template = templates.find((t) => t.version === input.version) ?? published;
  const items = template
    ? await prisma.checklistItem.findMany({ where: { templateId: template.id }, select: { code: true, label: true, textJa: true } })
    : [];
  const yearParse = input.defaultYear.trim() ? parseFiscalYearInput(input.defaultYear) : null;
  // The user's column choices are by the first sheet's header texts; they apply to every sheet with the same header.
  let mapping = saved;
  if (!input.remap && input.mapping) {
    const first = analyseResults(input.sheets, { offices: [], items: [], ratingWords: {}, mapping: saved });
    const chosen = first.columns.map((c) => ({ header: c.header, field: input.mapping![c.index] ?? "ignore" }));
    mapping = { ...saved, ...mappingFromColumns(chosen) };
  }
  const officeRefs = offices.map((o) => ({ id: o.id, name: o.name, ward: o.ward.nameJa, officeNumber: o.officeNumber }));
  const analysis = analyseResults(input.sheets, {
    offices: officeRefs,
    items,
    mapping,
    ratingWords: ratingWords(),
    defaultYear: yearParse?.ok ? yearParse.year : null,
    resolved: input.resolved,
  });
  const groups = groupResults(analysis.records);
  const existing = groups.length
    ? await prisma.evaluation.findMany({
        where: { OR: groups.map((g) => ({ officeId: g.officeId, fiscalYear: g.fiscalYear })) },
        include: { answers: true },
      })
    : [];
  const byKey = new Map(existing.map((e) => [`${e.officeId}/${e.fiscalYear}`, e]));
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  const errors: ResultError[] = [];
  const plan = groups.map((g) => {
    const e = byKey.get(`${g.officeId}/${g.fiscalYear}`);
    let action: ResultsStep["plan"][number]["action"] = "new";
    if (e && !e.imported) {
      action = "conflict";
      errors.push({ line: 0, reason: "notImportable", value: `${officeName.get(g.officeId)} ${g.fiscalYear}` });
    } else if (e) action = e.templateId === template?.id && sameAnswers(e.answers, g.answers) ? "unchanged" : "replace";
    return { officeId: g.officeId, office: officeName.get(g.officeId) ?? "", fiscalYear: g.fiscalYear, answers: g.answers.length, action };
  });
  return {
    fileName: input.fileName,
    encoding: input.encoding,
    sheets: input.sheets,
    version: template?.version ?? 0,
    versions: templates.map((t) => ({ version: t.version, status: t.status, items: t._count.items })),
    defaultYear: input.defaultYear,
    defaultYearError: yearParse !== null && !yearParse.ok,
    analysis,
    offices: officeRefs,
    plan,
    answers: analysis.records.length,
    errors,
    resolved: input.resolved,
  };
}

type AnswerRow = {
  itemCode: string;
  rating: number | null;
  notApplicable: boolean;
  notApplicableReason: string;
  comment: string;
  evidenceNote: string;
};
type Incoming = ReturnType<typeof groupResults>[number]["answers"];

function sameAnswers(saved: AnswerRow[], incoming: Incoming) {
  if (saved.length !== incoming.length) return false;
  const byCode = new Map(saved.map((a) => [a.itemCode, a]));
  return incoming.every((r) => {
    const a = byCode.get(r.itemCode);
    return (
      !!a &&
      a.rating === r.rating &&
      a.notApplicable === r.notApplicable &&
      a.notApplicableReason === r.reason &&
      a.comment === r.comment &&
      a.evidenceNote === r.evidence
    );
  });
}

export type ResultsUploadOutcome =
  { ok: true; step: ResultsStep } | { ok: false; problem: SpreadsheetProblem; value?: string; file?: string };

/** Step 1: the uploaded files (one long table, a workbook per year, or a file per office) → sheets → analysed. */
export async function uploadResults(user: SessionUser, files: { name: string; bytes: Uint8Array }[]): Promise<ResultsUploadOutcome> {
  requireImporter(user);
  if (!files.length) return { ok: false, problem: "empty" };
  const sheets: ResultsStepInput["sheets"] = [];
  const encodings = new Set<string>();
  for (const file of files.slice(0, LIMITS.sheets)) {
    const read = await readSpreadsheet(file.bytes, file.name);
    if (!read.ok) return { ...read, file: file.name };
    encodings.add(read.encoding);
    for (const s of read.sheets) if (s.rows.length) sheets.push({ name: s.name, file: file.name.slice(0, 300), rows: s.rows });
  }
  if (!sheets.length) return { ok: false, problem: "empty" };
  if (sheets.length > LIMITS.sheets) return { ok: false, problem: "tooManySheets", value: String(LIMITS.sheets) };
  if (sheets.reduce((n, s) => n + s.rows.length, 0) > LIMITS.rows) return { ok: false, problem: "tooManyRows", value: String(LIMITS.rows) };
  const step = await analyseStep({
    sheets,
    fileName: files
      .map((f) => f.name)
      .join("、")
      .slice(0, 1000),
    encoding: [...encodings].join("、"),
    defaultYear: "",
    resolved: {},
    remap: true,
  });
  return { ok: true, step };
}

/** Step 2: the mapping, version, default year or office choices changed: analysed again. */
export async function remapResults(user: SessionUser, input: ResultsStepInput): Promise<ResultsStep> {
  requireImporter(user);
  return analyseStep(input);
}

export class ResultsConflictError extends Error {}

/** Step 3: saved in one transaction when every row is valid and every office resolved; nothing otherwise. */
export async function confirmResults(
  user: SessionUser,
  input: ResultsStepInput,
): Promise<{ ok: true; created: number; replaced: number; unchanged: number } | { ok: false; step: ResultsStep }> {
  requireImporter(user);
  const step = await analyseStep(input);
  if (step.analysis.errors.length || step.errors.length || !step.plan.length) return { ok: false, step };
  const template = await prisma.checklistTemplate.findUniqueOrThrow({ where: { version: step.version } });
  const groups = groupResults(step.analysis.records);
  const at = now();
  const counts = { created: 0, replaced: 0, unchanged: 0 };
  try {
    await prisma.$transaction(
      async (tx) => {
        for (const g of groups) {
          const e = await tx.evaluation.findUnique({
            where: { officeId_fiscalYear: { officeId: g.officeId, fiscalYear: g.fiscalYear } },
            include: { answers: true },
          });
          if (e && !e.imported) throw new ResultsConflictError();
          if (e && e.templateId === template.id && sameAnswers(e.answers, g.answers)) {
            counts.unchanged++;
            continue;
          }
          const evaluation = e
            ? await tx.evaluation.update({ where: { id: e.id }, data: { templateId: template.id, status: "SUBMITTED" } })
            : await tx.evaluation.create({
                data: {
                  officeId: g.officeId,
                  fiscalYear: g.fiscalYear,
                  templateId: template.id,
                  status: "SUBMITTED",
                  // The submission date the sheet names (a sheet exported from the platform), else the import's.
                  submittedAt: (g.submittedOn ? parseJstDate(g.submittedOn, "12:00") : null) ?? at,
                  submissionCount: 1,
                  imported: true,
                },
              });
          if (e) await tx.evaluationAnswer.deleteMany({ where: { evaluationId: e.id } });
          await tx.evaluationAnswer.createMany({
            data: g.answers.map((a) => ({
              evaluationId: evaluation.id,
              itemCode: a.itemCode,
              rating: a.rating,
              notApplicable: a.notApplicable,
              notApplicableReason: a.reason,
              comment: a.comment,
              evidenceNote: a.evidence,
              updatedById: user.id,
            })),
          });
          await tx.evaluationEvent.create({
            data: { evaluationId: evaluation.id, kind: "IMPORTED", actorId: user.id, comment: input.fileName.slice(0, 500) },
          });
          if (e) counts.replaced++;
          else counts.created++;
        }
      },
      { timeout: 120_000, maxWait: 20_000 },
    );
  } catch (error) {
    // A sheet was started in the platform between the preview and the save: analysed again, nothing saved.
    if (error instanceof ResultsConflictError) return { ok: false, step: await analyseStep(input) };
    throw error;
  }
  await rememberMapping("results", step.analysis.columns);
  await audit({
    actorId: user.id,
    action: "results.import",
    entityType: "Evaluation",
    entityId: 0,
    summary: `${step.answers} answers, ${groups.length} sheets (${counts.created} new, ${counts.replaced} replaced, ${counts.unchanged} unchanged) on v${step.version} from ${input.fileName.slice(0, 200)}`,
  });
  return { ok: true, ...counts };
}
