// The office's self-evaluation sheet (自己評価チェックシート): loading, saving answers with
// optimistic concurrency, submitting and returning. See docs/decisions/010-optimistic-concurrency-for-checklist-answers.md.
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { can } from "~/auth/capabilities";
import { forbidden, notFound } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { councilCache } from "~/lib/council-version.server";
import { distinctValues } from "~/lib/distinct-values.server";
import { announceCacheChange, onCacheChange } from "~/lib/cache-bus.server";
import { deliver, notifyAll, officeManagers, inTransaction } from "~/mail/notify.server";
import { Prisma } from "~/generated/prisma/client";
import type { MessageKey } from "~/i18n";
import { cleanText } from "~/lib/forms";
import { isAnswered, isRating } from "./scoring";
import type { SubmissionStatus } from "./submissions";
import { now } from "~/lib/clock";

export interface TemplateView {
  id: number;
  version: number;
  status: "DRAFT" | "PUBLISHED";
  fiscalYears: number[];
  categories: { code: string; nameJa: string; nameEn: string }[];
  items: {
    code: string;
    /** The item's number as written in the city's file ("" for the project's own codes). */
    label: string;
    categoryCode: string;
    textJa: string;
    textEn: string;
    guidanceJa: string;
    guidanceEn: string;
    evidenceJa: string;
    evidenceEn: string;
    pillar: "individual" | "community" | "hr" | null;
    sortOrder: number;
  }[];
}

// Published templates never change, so their items are cached for the process's lifetime.
const publishedCache = new Map<number, TemplateView>();

export async function loadTemplate(templateId: number): Promise<TemplateView | null> {
  const cached = publishedCache.get(templateId);
  if (cached) return cached;
  const t = await prisma.checklistTemplate.findUnique({
    where: { id: templateId },
    include: {
      categories: { orderBy: { sortOrder: "asc" } },
      items: { orderBy: { sortOrder: "asc" }, include: { category: true } },
    },
  });
  if (!t) return null;
  const view: TemplateView = {
    id: t.id,
    version: t.version,
    status: t.status,
    fiscalYears: t.fiscalYears,
    categories: t.categories.map((c) => ({
      code: c.code,
      nameJa: c.nameJa,
      nameEn: c.nameEn,
    })),
    items: t.items.map((i) => ({
      code: i.code,
      label: i.label,
      categoryCode: i.category.code,
      textJa: i.textJa,
      textEn: i.textEn,
      guidanceJa: i.guidanceJa,
      guidanceEn: i.guidanceEn,
      evidenceJa: i.evidenceJa,
      evidenceEn: i.evidenceEn,
      pillar: i.pillar,
      sortOrder: i.sortOrder,
    })),
  };
  if (t.status === "PUBLISHED") publishedCache.set(t.id, view);
  return view;
}

/** Drops a template from the cache of every server process after a change that is not its content (the training pillar). */
export async function forgetTemplate(templateId: number) {
  await announceCacheChange("template", templateId);
}
onCacheChange("template", (key) => (key === null ? publishedCache.clear() : publishedCache.delete(Number(key))));

/** The published template serving a fiscal year (the newest version if several). */
export async function templateIdForYear(fiscalYear: number): Promise<number | null> {
  const t = await prisma.checklistTemplate.findFirst({
    where: { status: "PUBLISHED", fiscalYears: { has: fiscalYear } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return t?.id ?? null;
}

export async function publishedFiscalYears(): Promise<number[]> {
  const templates = await prisma.checklistTemplate.findMany({
    where: { status: "PUBLISHED" },
    select: { fiscalYears: true },
  });
  return [...new Set(templates.flatMap((t) => t.fiscalYears))].sort((a, b) => b - a);
}

/** Years the subcommittee can look at: every year a published template serves, and every year with a sheet (imported past years too). */
export async function reviewFiscalYears(): Promise<number[]> {
  const [published, withSheets] = await Promise.all([
    publishedFiscalYears(),
    // The years with a sheet, one index probe a year (not every sheet read).
    distinctValues("Evaluation"),
  ]);
  return [...new Set([...published, ...withSheets])].sort((a, b) => b - a);
}

export function canViewAll(user: SessionUser): boolean {
  return can(user, "viewSubcommittee");
}

export interface AnswerView {
  code: string;
  rating: number | null;
  notApplicable: boolean;
  reason: string;
  comment: string;
  evidence: string;
  revision: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

type AnswerRow = Prisma.EvaluationAnswerGetPayload<{
  include: { updatedBy: { select: { displayName: true } } };
}>;

function answerView(a: AnswerRow): AnswerView {
  return {
    code: a.itemCode,
    rating: a.rating,
    notApplicable: a.notApplicable,
    reason: a.notApplicableReason,
    comment: a.comment,
    evidence: a.evidenceNote,
    revision: a.revision,
    updatedBy: a.updatedBy?.displayName ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export async function findEvaluation(officeId: number, fiscalYear: number) {
  return prisma.evaluation.findUnique({
    where: { officeId_fiscalYear: { officeId, fiscalYear } },
    include: {
      answers: { include: { updatedBy: { select: { displayName: true } } } },
      events: {
        orderBy: { createdAt: "asc" },
        include: { actor: { select: { displayName: true } } },
      },
    },
  });
}

/** Everything the sheet page shows for an office's year; 404 when no template serves the year. */
export async function loadSheet(officeId: number, fiscalYear: number) {
  const evaluation = await findEvaluation(officeId, fiscalYear);
  const templateId = evaluation?.templateId ?? (await templateIdForYear(fiscalYear));
  if (!templateId) throw notFound();
  const template = (await loadTemplate(templateId))!;
  const answers = (evaluation?.answers ?? []).map(answerView);
  const answered = answers.filter((a) =>
    isAnswered({
      rating: a.rating,
      notApplicable: a.notApplicable,
      notApplicableReason: a.reason,
    }),
  ).length;
  return {
    fiscalYear,
    template,
    status: evaluation?.status ?? ("DRAFT" as const),
    submittedAt: evaluation?.submittedAt?.toISOString() ?? null,
    /** Brought in from the city's past years' results: read-only, never returned. */
    imported: evaluation?.imported ?? false,
    answers,
    answered,
    total: template.items.length,
    events: (evaluation?.events ?? []).map((e) => ({
      id: e.id,
      kind: e.kind,
      comment: e.comment,
      actor: e.actor?.displayName ?? null,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

export async function ensureEvaluation(officeId: number, fiscalYear: number) {
  const existing = await prisma.evaluation.findUnique({
    where: { officeId_fiscalYear: { officeId, fiscalYear } },
  });
  if (existing) return existing;
  const templateId = await templateIdForYear(fiscalYear);
  if (!templateId) throw notFound();
  try {
    return await prisma.evaluation.create({
      data: { officeId, fiscalYear, templateId },
    });
  } catch (error) {
    // Two first saves at once: the other one created it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return prisma.evaluation.findUniqueOrThrow({
        where: { officeId_fiscalYear: { officeId, fiscalYear } },
      });
    throw error;
  }
}

// ── answers ──────────────────────────────────────────────────────────────────────────────

export interface AnswerInput {
  code: string;
  /** The revision the user's page was showing (0 when there was no saved answer). */
  revision: number;
  rating: number | null;
  notApplicable: boolean;
  reason: string;
  comment: string;
  evidence: string;
  /** Set when the form sent a rating that is not one of the choices: the answer is refused. */
  invalidRating?: boolean;
}

const MAX_NOTE = 2000;

/** The item's fields from a form: rating_<code> (4…1 or "na"), reason_, comment_, evidence_, revision_. */
export function readAnswer(formData: FormData, code: string): AnswerInput | null {
  const get = (name: string) => {
    const v = formData.get(`${name}_${code}`);
    return typeof v === "string" ? cleanText(v) : null;
  };
  const rating = get("rating");
  const fields = [rating, get("reason"), get("comment"), get("evidence")];
  if (fields.every((f) => f === null)) return null;
  const notApplicable = rating === "na";
  const n = Number(rating);
  // A rating that is neither empty, "na" nor 1–4 (e.g. "7" or "abc") is refused, never read as "no rating".
  const invalidRating = rating !== null && rating !== "" && !notApplicable && !(/^[1-4]$/.test(rating) && isRating(n));
  const revision = Number(get("revision") ?? 0);
  return {
    code,
    revision: Number.isSafeInteger(revision) && revision > 0 && revision < 2 ** 31 ? revision : 0,
    rating: !notApplicable && !invalidRating && isRating(n) ? n : null,
    ...(invalidRating ? { invalidRating: true } : {}),
    notApplicable,
    reason: (get("reason") ?? "").trim(),
    comment: (get("comment") ?? "").trim(),
    evidence: (get("evidence") ?? "").trim(),
  };
}

export function answerError(input: AnswerInput): MessageKey | null {
  if (input.invalidRating) return "validation.choose";
  if (input.notApplicable && !input.reason) return "evaluation.item.reasonRequired";
  if ([input.reason, input.comment, input.evidence].some((t) => t.length > MAX_NOTE)) return "evaluation.item.tooLong";
  return null;
}

function sameContent(a: AnswerView, b: AnswerInput): boolean {
  return (
    a.rating === b.rating &&
    a.notApplicable === b.notApplicable &&
    a.reason === (b.notApplicable ? b.reason : a.reason) &&
    a.comment === b.comment &&
    a.evidence === b.evidence
  );
}

export type SaveResult =
  | { status: "saved"; answer: AnswerView }
  | { status: "unchanged"; answer: AnswerView | null }
  | { status: "conflict"; saved: AnswerView; yours: AnswerInput }
  | { status: "invalid"; error: MessageKey };

export class NotEditableError extends Error {}

/**
 * Saves one item when the page's revision is still the saved one. A stale revision is refused and
 * both versions are returned, so nothing is silently overwritten.
 */
export async function saveAnswer(evaluationId: number, userId: number, input: AnswerInput): Promise<SaveResult> {
  const error = answerError(input);
  if (error) return { status: "invalid", error };
  // The status check and the save are one atomic step: the sheet's row is locked for the save,
  // and submitting takes the same lock, so no answer is saved after the sheet is submitted.
  return prisma.$transaction(async (tx) => {
    await lockEditable(tx, evaluationId);
    return saveAnswerIn(tx, evaluationId, userId, input);
  });
}

/** Locks the sheet's row (saves of one sheet run one after another) and throws NotEditableError when it is submitted. */
async function lockEditable(tx: Prisma.TransactionClient, evaluationId: number) {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "Evaluation" WHERE "id" = ${evaluationId} FOR UPDATE`;
  if (!rows[0] || rows[0].status === "SUBMITTED") throw new NotEditableError();
}

/** Every saved answer is in the audit log, in the save's transaction: which item, the rating, the revision. */
async function auditAnswer(
  tx: Prisma.TransactionClient,
  evaluationId: number,
  userId: number,
  code: string,
  data: { rating: number | null; notApplicable: boolean },
  revision: number,
) {
  const rating = data.notApplicable ? "N/A" : (data.rating ?? "—");
  await audit(
    {
      actorId: userId,
      action: "evaluation.answer",
      entityType: "Evaluation",
      entityId: evaluationId,
      summary: `${code}: ${rating} (r${revision})`,
    },
    tx,
  );
}

async function saveAnswerIn(tx: Prisma.TransactionClient, evaluationId: number, userId: number, input: AnswerInput): Promise<SaveResult> {
  const data = {
    rating: input.notApplicable ? null : input.rating,
    notApplicable: input.notApplicable,
    notApplicableReason: input.notApplicable ? input.reason : "",
    comment: input.comment,
    evidenceNote: input.evidence,
    updatedById: userId,
  };
  const include = { updatedBy: { select: { displayName: true } } } as const;
  const current = await tx.evaluationAnswer.findUnique({
    where: { evaluationId_itemCode: { evaluationId, itemCode: input.code } },
    include,
  });
  if (
    current &&
    sameContent(answerView(current), {
      ...input,
      reason: data.notApplicableReason,
    })
  )
    return { status: "unchanged", answer: answerView(current) };
  if (input.revision === 0) {
    if (current) return { status: "conflict", saved: answerView(current), yours: input };
    try {
      const created = await tx.evaluationAnswer.create({
        data: { ...data, evaluationId, itemCode: input.code, revision: 1 },
        include,
      });
      await auditAnswer(tx, evaluationId, userId, input.code, data, 1);
      return { status: "saved", answer: answerView(created) };
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
        const saved = await tx.evaluationAnswer.findUniqueOrThrow({
          where: {
            evaluationId_itemCode: { evaluationId, itemCode: input.code },
          },
          include,
        });
        return { status: "conflict", saved: answerView(saved), yours: input };
      }
      throw e;
    }
  }
  // Compare-and-set on the revision: only one of two concurrent saves of the same revision wins.
  const updated = await tx.evaluationAnswer.updateMany({
    where: { evaluationId, itemCode: input.code, revision: input.revision },
    data: { ...data, revision: { increment: 1 } },
  });
  const saved = await tx.evaluationAnswer.findUnique({
    where: { evaluationId_itemCode: { evaluationId, itemCode: input.code } },
    include,
  });
  if (updated.count === 1 && saved) {
    await auditAnswer(tx, evaluationId, userId, input.code, data, saved.revision);
    return { status: "saved", answer: answerView(saved) };
  }
  if (!saved) return { status: "invalid", error: "evaluation.item.unknown" };
  return { status: "conflict", saved: answerView(saved), yours: input };
}

async function editableEvaluation(officeId: number, fiscalYear: number) {
  const evaluation = await ensureEvaluation(officeId, fiscalYear);
  if (evaluation.status === "SUBMITTED") throw new NotEditableError();
  return evaluation;
}

export async function saveOneAnswer(officeId: number, fiscalYear: number, userId: number, input: AnswerInput): Promise<SaveResult> {
  const evaluation = await editableEvaluation(officeId, fiscalYear);
  const template = (await loadTemplate(evaluation.templateId))!;
  if (!template.items.some((i) => i.code === input.code)) return { status: "invalid", error: "evaluation.item.unknown" };
  return saveAnswer(evaluation.id, userId, input);
}

/** The whole form at once (the page without JavaScript). Returns per-item conflicts and errors. */
export async function saveAllAnswers(officeId: number, fiscalYear: number, userId: number, formData: FormData) {
  const evaluation = await editableEvaluation(officeId, fiscalYear);
  const template = (await loadTemplate(evaluation.templateId))!;
  const conflicts: { code: string; saved: AnswerView }[] = [];
  const errors: { code: string; error: MessageKey }[] = [];
  let saved = 0;
  for (const item of template.items) {
    const input = readAnswer(formData, item.code);
    if (!input) continue;
    if (
      input.revision === 0 &&
      input.rating === null &&
      !input.invalidRating &&
      !input.notApplicable &&
      !input.comment &&
      !input.evidence &&
      !input.reason
    )
      continue;
    const result = await saveAnswer(evaluation.id, userId, input);
    if (result.status === "saved") saved++;
    if (result.status === "conflict") conflicts.push({ code: item.code, saved: result.saved });
    if (result.status === "invalid") errors.push({ code: item.code, error: result.error });
  }
  return { saved, conflicts, errors };
}

export async function submitEvaluation(
  officeId: number,
  fiscalYear: number,
  user: SessionUser,
): Promise<{ ok: true } | { ok: false; missing: string[] }> {
  const evaluation = await editableEvaluation(officeId, fiscalYear);
  const template = (await loadTemplate(evaluation.templateId))!;
  // Checking the answers and moving to SUBMITTED happen under the sheet's row lock, so no save lands in between.
  const outcome = await prisma.$transaction(async (tx) => {
    try {
      await lockEditable(tx, evaluation.id);
    } catch (e) {
      if (e instanceof NotEditableError) return { missing: [] as string[], moved: { count: 0 } };
      throw e;
    }
    const answers = await tx.evaluationAnswer.findMany({ where: { evaluationId: evaluation.id } });
    const byCode = new Map(answers.map((a) => [a.itemCode, a]));
    const missing = template.items
      .filter((i) => {
        const a = byCode.get(i.code);
        return !isAnswered(a ? { rating: a.rating, notApplicable: a.notApplicable, notApplicableReason: a.notApplicableReason } : null);
      })
      .map((i) => i.code);
    if (missing.length) return { missing, moved: { count: 0 } };
    const moved = await tx.evaluation.updateMany({
      where: { id: evaluation.id, status: { in: ["DRAFT", "RETURNED"] } },
      data: { status: "SUBMITTED", submittedAt: now(), submissionCount: { increment: 1 } },
    });
    return { missing, moved };
  });
  if (outcome.missing.length) return { ok: false, missing: outcome.missing };
  const moved = outcome.moved;
  if (moved.count === 1) {
    await prisma.evaluationEvent.create({
      data: {
        evaluationId: evaluation.id,
        kind: "SUBMITTED",
        actorId: user.id,
      },
    });
    await audit({
      actorId: user.id,
      action: "evaluation.submit",
      entityType: "Evaluation",
      entityId: evaluation.id,
      summary: `FY${fiscalYear}`,
    });
  }
  return { ok: true };
}

export async function returnEvaluation(officeId: number, fiscalYear: number, user: SessionUser, comment: string) {
  if (!canViewAll(user)) throw forbidden();
  const evaluation = await prisma.evaluation.findUnique({
    where: { officeId_fiscalYear: { officeId, fiscalYear } },
  });
  if (!evaluation) throw notFound();
  // The return, its event and the notice to the office's managers are one change.
  const mails = await inTransaction(async (tx) => {
    const moved = await tx.evaluation.updateMany({
      // An imported past year's sheet is read-only: it is never returned for editing.
      where: { id: evaluation.id, status: "SUBMITTED", imported: false },
      data: { status: "RETURNED" },
    });
    if (moved.count !== 1) return null;
    await tx.evaluationEvent.create({
      data: {
        evaluationId: evaluation.id,
        kind: "RETURNED",
        comment,
        actorId: user.id,
      },
    });
    return notifyAll(tx, await officeManagers(tx, officeId), {
      key: "notices.sheetReturned",
      fiscalYear,
      text: comment.slice(0, 500),
      link: `/evaluation/${fiscalYear}`,
    });
  });
  if (mails === null) return { ok: false as const };
  await deliver(mails);
  await audit({
    actorId: user.id,
    action: "evaluation.return",
    entityType: "Evaluation",
    entityId: evaluation.id,
    summary: comment.slice(0, 200),
  });
  return { ok: true as const };
}

/** The office's fiscal years: every year a published template serves, plus any year it already has a sheet for. */
export async function officeYears(officeId: number) {
  const [years, evaluations] = await Promise.all([
    publishedFiscalYears(),
    prisma.evaluation.findMany({
      where: { officeId },
      include: { _count: { select: { answers: true } } },
    }),
  ]);
  const byYear = new Map(evaluations.map((e) => [e.fiscalYear, e]));
  const all = [...new Set([...years, ...byYear.keys()])].sort((a, b) => b - a);
  return all.map((fy) => {
    const e = byYear.get(fy);
    return {
      fiscalYear: fy,
      status: e?.status ?? null,
      submittedAt: e?.submittedAt?.toISOString() ?? null,
      imported: e?.imported ?? false,
      answers: e?._count.answers ?? 0,
    };
  });
}

/** Answered count of the office's current-year sheet, for the home page. */
export async function progressFor(officeId: number, fiscalYear: number) {
  const evaluation = await prisma.evaluation.findUnique({
    where: { officeId_fiscalYear: { officeId, fiscalYear } },
    include: { answers: true },
  });
  const templateId = evaluation?.templateId ?? (await templateIdForYear(fiscalYear));
  if (!templateId) return null;
  const template = await loadTemplate(templateId);
  const answered = (evaluation?.answers ?? []).filter((a) =>
    isAnswered({
      rating: a.rating,
      notApplicable: a.notApplicable,
      notApplicableReason: a.notApplicableReason,
    }),
  ).length;
  return {
    status: evaluation?.status ?? "DRAFT",
    answered,
    total: template?.items.length ?? 0,
  };
}

/** Every active office's sheet status for a year (the subcommittee's list). */
/** Offices per page of the subcommittee's submission list (issue 13: a national list has 12,000). */
export const SUBMISSIONS_PAGE_SIZE = 50;

export interface SubmissionFilter {
  page?: number;
  wardId?: number | null;
  status?: SubmissionStatus | null;
  /** Part of the office's name. */
  query?: string;
}

const submissionPages = councilCache<{
  matching: number;
  total: number;
  submitted: number;
  page: number;
  pages: number;
  offices: { id: number; name: string; ward: { nameJa: string; nameEn: string } }[];
}>(200);

/**
 * One page of the submission list of a fiscal year, filtered on the server (ward, status, part of the name), with
 * the year's totals over every active office. Each office's answered items are counted by the database: no
 * answer row is loaded (before, the whole list and every answer of the year were, issue 13).
 */
export async function submissionsFor(fiscalYear: number, filter: SubmissionFilter = {}) {
  const query = (filter.query ?? "").trim().slice(0, 100);
  const status = filter.status ?? null;
  const where: Prisma.OfficeWhereInput = {
    active: true,
    ...(filter.wardId ? { wardId: filter.wardId } : {}),
    ...(query ? { name: { contains: query, mode: "insensitive" } } : {}),
    ...(status === "NONE" ? { evaluations: { none: { fiscalYear } } } : status ? { evaluations: { some: { fiscalYear, status } } } : {}),
  };
  // The counts and the page's offices read only the council's tables: kept until its version moves (decision 067).
  // Each office's answered items are read live (answers on a draft change without moving it).
  const { matching, total, submitted, page, pages, offices } = await submissionPages.get(
    JSON.stringify([fiscalYear, filter.wardId ?? null, status, query, filter.page ?? 1]),
    async () => {
      const [matching, total, submitted] = await Promise.all([
        prisma.office.count({ where }),
        prisma.office.count({ where: { active: true } }),
        prisma.evaluation.count({ where: { fiscalYear, status: "SUBMITTED", office: { active: true } } }),
      ]);
      const pages = Math.max(1, Math.ceil(matching / SUBMISSIONS_PAGE_SIZE));
      const page = Math.min(Math.max(1, filter.page ?? 1), pages);
      const offices = await prisma.office.findMany({
        where,
        select: { id: true, name: true, ward: { select: { nameJa: true, nameEn: true } } },
        orderBy: [{ ward: { sortOrder: "asc" } }, { name: "asc" }, { id: "asc" }],
        skip: (page - 1) * SUBMISSIONS_PAGE_SIZE,
        take: SUBMISSIONS_PAGE_SIZE,
      });
      return { matching, total, submitted, page, pages, offices };
    },
  );
  const evaluations = offices.length
    ? await prisma.evaluation.findMany({
        where: { fiscalYear, officeId: { in: offices.map((o) => o.id) } },
        select: { id: true, officeId: true, status: true, submittedAt: true },
      })
    : [];
  // Answered as scoring.ts's isAnswered: rated 4–1, or not applicable with a reason.
  const counts = evaluations.length
    ? await prisma.$queryRaw<{ evaluationId: number; answered: number }[]>`
        SELECT "evaluationId", COUNT(*)::int AS "answered" FROM "EvaluationAnswer"
         WHERE "evaluationId" = ANY(${evaluations.map((e) => e.id)}::int[])
           AND CASE WHEN "notApplicable" THEN btrim("notApplicableReason") <> '' ELSE "rating" BETWEEN 1 AND 4 END
         GROUP BY "evaluationId"`
    : [];
  const answered = new Map(counts.map((c) => [c.evaluationId, c.answered]));
  const byOffice = new Map(evaluations.map((e) => [e.officeId, e]));
  return {
    page,
    pages,
    matching,
    total,
    submitted,
    offices: offices.map((o) => {
      const e = byOffice.get(o.id);
      return {
        officeId: o.id,
        name: o.name,
        wardJa: o.ward.nameJa,
        wardEn: o.ward.nameEn,
        status: e?.status ?? null,
        submittedAt: e?.submittedAt?.toISOString() ?? null,
        answered: e ? (answered.get(e.id) ?? 0) : 0,
      };
    }),
  };
}

/** The wards, for the submission list's filter. */
export async function wardChoices() {
  return prisma.ward.findMany({ select: { id: true, nameJa: true, nameEn: true }, orderBy: { sortOrder: "asc" } });
}

/** Any office, as the subcommittee and administrators review it (id and name); 403 for others, 404 when unknown. */
export async function officeForReview(user: SessionUser, officeId: number): Promise<{ id: number; name: string }> {
  if (!canViewAll(user)) throw forbidden();
  const office = await prisma.office.findUnique({ where: { id: officeId }, select: { id: true, name: true } });
  if (!office) throw notFound();
  return office;
}

// ── the sheet in steps (issue 14) ───────────────────────────────────────────────────────────

/** One category per step (1…n), then the summary step before submitting. */
export type SheetStep = number | "summary";

/** The step named in the URL (?step=N or ?step=summary); absent means the first. Anything else is not a page. */
export function parseStep(raw: string | null, categoryCount: number): SheetStep {
  if (raw === null || raw === "") return 1;
  if (raw === "summary") return "summary";
  if (!/^[1-9][0-9]?$/.test(raw)) throw notFound();
  const n = Number(raw);
  if (n > categoryCount) throw notFound();
  return n;
}

/**
 * What one step of the sheet page shows: the counts of every category (for the progress bar), the
 * current category's items and answers, or on the summary step the unanswered items with the step
 * that holds each. Only one category travels to the page, which keeps the heaviest step small.
 */
export async function loadSheetStep(officeId: number, fiscalYear: number, rawStep: string | null) {
  const sheet = await loadSheet(officeId, fiscalYear);
  const { template } = sheet;
  const step = parseStep(rawStep, template.categories.length);
  const byCode = new Map(sheet.answers.map((a) => [a.code, a]));
  const answeredCode = (code: string) => {
    const a = byCode.get(code);
    return isAnswered(a ? { rating: a.rating, notApplicable: a.notApplicable, notApplicableReason: a.reason } : null);
  };
  const steps = template.categories.map((c, i) => {
    const items = template.items.filter((item) => item.categoryCode === c.code);
    return {
      step: i + 1,
      code: c.code,
      nameJa: c.nameJa,
      nameEn: c.nameEn,
      total: items.length,
      answered: items.filter((item) => answeredCode(item.code)).length,
    };
  });
  const stepOf = new Map(template.items.map((item) => [item.code, template.categories.findIndex((c) => c.code === item.categoryCode) + 1]));
  const category = typeof step === "number" ? template.categories[step - 1] : null;
  const items = category ? template.items.filter((i) => i.categoryCode === category.code) : [];
  const codes = new Set(items.map((i) => i.code));
  return {
    fiscalYear,
    templateVersion: template.version,
    status: sheet.status,
    submittedAt: sheet.submittedAt,
    imported: sheet.imported,
    answered: sheet.answered,
    total: sheet.total,
    steps,
    step,
    category,
    items,
    answers: sheet.answers.filter((a) => codes.has(a.code)),
    missing:
      step === "summary"
        ? template.items
            .filter((i) => !answeredCode(i.code))
            .map((i) => ({ code: i.code, textJa: i.textJa, textEn: i.textEn, step: stepOf.get(i.code) ?? 1 }))
        : [],
    events: sheet.events,
    lastReturn: [...sheet.events].reverse().find((e) => e.kind === "RETURNED") ?? null,
  };
}
