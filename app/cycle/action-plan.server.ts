// Action plans (アクションプラン): one per office and fiscal year; items point at checklist items.
import { audit, describeChanges } from "~/audit/audit.server";
import { claimFormKey } from "~/lib/form-key.server";
import { can } from "~/auth/capabilities";
import type { SessionUser } from "~/auth/session.server";
import { forbidden, notFound } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { deliver, inTransaction, notifyAll, officeManagers } from "~/mail/notify.server";
import { loadTemplate } from "~/evaluation/evaluation.server";
import { weakestItems, type AnswerLike } from "~/evaluation/scoring";
import { findModule } from "~/training/content.server";
import { Prisma, type ActionItemStatus, type ActionPlanStatus } from "~/generated/prisma/client";
import { now } from "~/lib/clock";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { statusTimeline, type ItemStatus } from "./status-timeline";

/** @deprecated The permission table's `viewSubcommittee` (app/auth/capabilities.ts); kept for the meetings capability until it reads the table. */

type SubmittedSheet = { id: number; fiscalYear: number; submittedAt: Date | null; templateId: number };

/**
 * An office's submitted sheets for one page: their list is read once (one row a year), and each sheet's answers at
 * most once, however many parts of the page ask (the plan's "before" and the weak items are usually the same sheet;
 * issue 13: the action plan read three sheets with their answers in six statements, now in two or three).
 */
export function sheetReader(officeId: number) {
  let list: Promise<SubmittedSheet[]> | undefined;
  const answers = new Map<number, Promise<Map<string, AnswerLike>>>();
  const sheets = () =>
    (list ??= prisma.evaluation.findMany({
      where: { officeId, status: "SUBMITTED" },
      orderBy: { fiscalYear: "desc" },
      select: { id: true, fiscalYear: true, submittedAt: true, templateId: true },
    }));
  const answersOf = (evaluationId: number) => {
    let found = answers.get(evaluationId);
    if (!found) {
      found = prisma.evaluationAnswer
        .findMany({ where: { evaluationId }, select: { itemCode: true, rating: true, notApplicable: true } })
        .then((rows) => new Map<string, AnswerLike>(rows.map((a) => [a.itemCode, a])));
      answers.set(evaluationId, found);
    }
    return found;
  };
  return {
    /**
     * The latest submitted sheet up to (and including) a fiscal year, with its ratings and template; with
     * `submittedBefore`, that year's sheet counts only if it was submitted before then.
     */
    async latest(upTo: number, submittedBefore?: Date) {
      const sheet = (await sheets()).find(
        (e) =>
          e.fiscalYear <= upTo && (!submittedBefore || e.fiscalYear < upTo || (e.submittedAt !== null && e.submittedAt < submittedBefore)),
      );
      if (!sheet) return null;
      const [template, ratings] = await Promise.all([loadTemplate(sheet.templateId), answersOf(sheet.id)]);
      return { fiscalYear: sheet.fiscalYear, template: template!, answers: ratings };
    },
    /** The first submitted sheet after a fiscal year ("next year's checklist"), with its ratings. */
    async after(fiscalYear: number) {
      const sheet = (await sheets()).filter((e) => e.fiscalYear > fiscalYear).at(-1);
      return sheet ? { fiscalYear: sheet.fiscalYear, answers: await answersOf(sheet.id) } : null;
    },
  };
}
type SheetReader = ReturnType<typeof sheetReader>;

/** The office's latest submitted evaluation up to (and including) a fiscal year, with its ratings and template. */
export async function latestSubmitted(officeId: number, upTo: number, submittedBefore?: Date) {
  return sheetReader(officeId).latest(upTo, submittedBefore);
}

/** Weak items (rated 1–2) of the office's latest submitted evaluation, offered first when adding plan items. */
export async function weakItemsFor(officeId: number, upTo: number, sheets: SheetReader = sheetReader(officeId)) {
  const latest = await sheets.latest(upTo);
  if (!latest) return { fiscalYear: null, items: [] };
  return {
    fiscalYear: latest.fiscalYear,
    items: weakestItems(latest.template.items, latest.answers, 100).map((i) => ({
      code: i.code,
      textJa: i.textJa,
      textEn: i.textEn,
      rating: i.rating,
    })),
  };
}

/** Every checklist item of the newest published template (code + text), for linking. */
export async function checklistItemChoices(upTo: number) {
  const t = await prisma.checklistTemplate.findFirst({
    where: { status: "PUBLISHED", fiscalYears: { hasSome: [upTo, upTo - 1, upTo + 1] } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  const fallback =
    t ?? (await prisma.checklistTemplate.findFirst({ where: { status: "PUBLISHED" }, orderBy: { version: "desc" }, select: { id: true } }));
  if (!fallback) return [];
  const template = await loadTemplate(fallback.id);
  return (template?.items ?? []).map((i) => ({ code: i.code, textJa: i.textJa, textEn: i.textEn }));
}

/** A plan as the pages show it: items with updates, comments, the status chart and rating movement. */
export async function planViewById(planId: number) {
  const plan = await planRead(planId);
  return plan ? shapePlan(plan) : null;
}

/** What shapePlan reads of a plan: the fields the pages show. */
interface PlanRow {
  id: number;
  officeId: number;
  fiscalYear: number;
  status: ActionPlanStatus;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  createdAt: Date;
  office: { name: string; ward: { nameJa: string; nameEn: string } };
  items: {
    id: number;
    itemCodes: string[];
    issue: string;
    goal: string;
    actions: string;
    owner: string;
    trainingModuleSlug: string | null;
    trainingSessionId: number | null;
    startDate: Date | null;
    dueDate: Date | null;
    status: ActionItemStatus;
    statusAt: Date;
    createdAt: Date;
    updates: { id: number; date: Date; note: string; evidence: string; status: ActionItemStatus | null }[];
    comments: { id: number; text: string; author: { displayName: string } | null; createdAt: Date }[];
  }[];
}

type JsonDate = string;
/** One row of PLAN_COLUMNS (all null when the office has no plan that year). */
interface PlanSqlRow {
  id: number | null;
  officeId: number | null;
  fiscalYear: number | null;
  status: ActionPlanStatus | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  createdAt: Date | null;
  officeName: string | null;
  wardJa: string | null;
  wardEn: string | null;
  items: (Omit<PlanRow["items"][number], "startDate" | "dueDate" | "statusAt" | "createdAt" | "updates" | "comments"> & {
    startDate: JsonDate | null;
    dueDate: JsonDate | null;
    statusAt: JsonDate;
    createdAt: JsonDate;
    updates: { id: number; date: JsonDate; note: string; evidence: string; status: ActionItemStatus | null }[];
    comments: { id: number; text: string; author: string | null; createdAt: JsonDate }[];
  })[];
}

/** A timestamp as JSON carries it from PostgreSQL (UTC, to the millisecond, see ISO below). */
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (column: string) => Prisma.raw(`to_char(${column}, ${ISO})`);
const dateOf = (s: string | null) => (s === null ? null : new Date(s));

/**
 * A plan's columns with its office, ward, items, their updates and comments (with their authors) as JSON, read from
 * `"ActionPlan" p` joined to `"Office" o` and `"Ward" w`: one statement where Prisma's include made seven (issue 13).
 */
const PLAN_COLUMNS = Prisma.sql`
  p."id", p."officeId", p."fiscalYear", p."status"::text AS "status", p."submittedAt", p."reviewedAt", p."createdAt",
  o."name" AS "officeName", w."nameJa" AS "wardJa", w."nameEn" AS "wardEn",
  COALESCE((
    SELECT json_agg(json_build_object(
             'id', i."id", 'itemCodes', i."itemCodes", 'issue', i."issue", 'goal', i."goal", 'actions', i."actions",
             'owner', i."owner", 'trainingModuleSlug', i."trainingModuleSlug", 'trainingSessionId', i."trainingSessionId",
             'startDate', ${iso(`i."startDate"`)}, 'dueDate', ${iso(`i."dueDate"`)}, 'status', i."status"::text,
             'statusAt', ${iso(`i."statusAt"`)}, 'createdAt', ${iso(`i."createdAt"`)},
             'updates', COALESCE((
               SELECT json_agg(json_build_object('id', u."id", 'date', ${iso(`u."date"`)}, 'note', u."note",
                                                 'evidence', u."evidence", 'status', u."status"::text)
                               ORDER BY u."date", u."id")
                 FROM "ActionPlanUpdate" u WHERE u."itemId" = i."id"), '[]'::json),
             'comments', COALESCE((
               SELECT json_agg(json_build_object('id', c."id", 'text', c."text", 'author', a."displayName",
                                                 'createdAt', ${iso(`c."createdAt"`)})
                               ORDER BY c."createdAt", c."id")
                 FROM "ActionPlanComment" c LEFT JOIN "User" a ON a."id" = c."authorId"
                WHERE c."itemId" = i."id"), '[]'::json))
           ORDER BY i."sortOrder", i."id")
      FROM "ActionPlanItem" i WHERE i."planId" = p."id"), '[]'::json) AS "items"`;

function planFromRow(r: PlanSqlRow): PlanRow | null {
  if (r.id === null) return null;
  return {
    id: r.id,
    officeId: r.officeId!,
    fiscalYear: r.fiscalYear!,
    status: r.status!,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    createdAt: r.createdAt!,
    office: { name: r.officeName!, ward: { nameJa: r.wardJa!, nameEn: r.wardEn! } },
    items: r.items.map((i) => ({
      ...i,
      startDate: dateOf(i.startDate),
      dueDate: dateOf(i.dueDate),
      statusAt: new Date(i.statusAt),
      createdAt: new Date(i.createdAt),
      updates: i.updates.map((u) => ({ ...u, date: new Date(u.date) })),
      comments: i.comments.map((c) => ({
        id: c.id,
        text: c.text,
        author: c.author === null ? null : { displayName: c.author },
        createdAt: new Date(c.createdAt),
      })),
    })),
  };
}

/** One plan by its id, in one statement. */
async function planRead(planId: number): Promise<PlanRow | null> {
  const rows = await prisma.$queryRaw<PlanSqlRow[]>`
    SELECT ${PLAN_COLUMNS}
      FROM "ActionPlan" p JOIN "Office" o ON o."id" = p."officeId" JOIN "Ward" w ON w."id" = o."wardId"
     WHERE p."id" = ${planId}`;
  return rows[0] ? planFromRow(rows[0]) : null;
}

/** The office's plan of one year and the years the office has a plan for, in one statement. */
async function officePlanRead(officeId: number, fiscalYear: number): Promise<{ years: number[]; plan: PlanRow | null }> {
  const rows = await prisma.$queryRaw<(PlanSqlRow & { years: number[] })[]>`
    SELECT y."years", ${PLAN_COLUMNS}
      FROM (SELECT COALESCE(array_agg("fiscalYear" ORDER BY "fiscalYear" DESC), '{}') AS "years"
              FROM "ActionPlan" WHERE "officeId" = ${officeId}) y
      LEFT JOIN "ActionPlan" p ON p."officeId" = ${officeId} AND p."fiscalYear" = ${fiscalYear}
      LEFT JOIN "Office" o ON o."id" = p."officeId"
      LEFT JOIN "Ward" w ON w."id" = o."wardId"`;
  const r = rows[0]!;
  return { years: r.years, plan: planFromRow(r) };
}

async function shapePlan(plan: PlanRow, sheets: SheetReader = sheetReader(plan.officeId)) {
  // Rating movement: before = the sheet the plan was made from (the latest submitted when the plan was
  // created); after = the next submitted sheet ("next year's checklist").
  const before = await sheets.latest(plan.fiscalYear, plan.createdAt);
  const afterRow = before ? await sheets.after(before.fiscalYear) : null;
  const after = afterRow?.answers ?? null;
  const timeline = statusTimeline(
    plan.items.map((i) => ({
      createdAt: i.createdAt,
      changes: [
        ...i.updates.filter((u) => u.status).map((u) => ({ date: u.date, status: u.status as ItemStatus })),
        ...(i.updates.some((u) => u.status) || i.status === "PLANNED" ? [] : [{ date: i.statusAt, status: i.status as ItemStatus }]),
      ],
    })),
    plan.fiscalYear,
  );
  const trainingLinks = await planTrainingLinks(plan.items);
  return {
    id: plan.id,
    officeId: plan.officeId,
    officeName: plan.office.name,
    wardJa: plan.office.ward.nameJa,
    wardEn: plan.office.ward.nameEn,
    fiscalYear: plan.fiscalYear,
    status: plan.status,
    submittedAt: plan.submittedAt?.toISOString() ?? null,
    reviewedAt: plan.reviewedAt?.toISOString() ?? null,
    beforeYear: before?.fiscalYear ?? null,
    afterYear: afterRow?.fiscalYear ?? null,
    timeline,
    items: plan.items.map((i) => ({
      id: i.id,
      itemCodes: i.itemCodes,
      issue: i.issue,
      goal: i.goal,
      actions: i.actions,
      owner: i.owner,
      training: i.trainingModuleSlug ? `module:${i.trainingModuleSlug}` : i.trainingSessionId ? `session:${i.trainingSessionId}` : "",
      trainingLink: trainingLinks.get(i.id) ?? null,
      startDate: i.startDate?.toISOString().slice(0, 10) ?? "",
      dueDate: i.dueDate?.toISOString().slice(0, 10) ?? "",
      status: i.status,
      updates: i.updates.map((u) => ({
        id: u.id,
        date: u.date.toISOString().slice(0, 10),
        note: u.note,
        evidence: u.evidence,
        status: u.status,
      })),
      comments: i.comments.map((c) => ({
        id: c.id,
        text: c.text,
        author: c.author?.displayName ?? "",
        createdAt: c.createdAt.toISOString(),
      })),
      movement: i.itemCodes.map((code) => {
        const b = before?.answers.get(code);
        const a = after?.get(code);
        return { code, before: b && !b.notApplicable ? b.rating : null, after: a && !a.notApplicable ? a.rating : null };
      }),
    })),
  };
}

/** Each item's training (issue 17): both titles and the link, for the items that name one. */
async function planTrainingLinks(items: { id: number; trainingModuleSlug: string | null; trainingSessionId: number | null }[]) {
  const ids = items.map((i) => i.trainingSessionId).filter((x): x is number => x !== null);
  const sessions = ids.length
    ? await prisma.trainingSession.findMany({ where: { id: { in: ids } }, select: { id: true, titleJa: true, titleEn: true } })
    : [];
  const out = new Map<number, { titleJa: string; titleEn: string; to: string }>();
  for (const i of items) {
    const m = i.trainingModuleSlug ? findModule(i.trainingModuleSlug) : null;
    if (m) out.set(i.id, { titleJa: m.frontmatter.title.ja, titleEn: m.frontmatter.title.en, to: `/training/modules/${m.slug}` });
    const s = sessions.find((x) => x.id === i.trainingSessionId);
    if (s) out.set(i.id, { titleJa: s.titleJa, titleEn: s.titleEn || s.titleJa, to: `/sessions/${s.id}` });
  }
  return out;
}

export type PlanView = NonNullable<Awaited<ReturnType<typeof planViewById>>>;

export async function ensurePlan(officeId: number, fiscalYear: number, actorId: number) {
  const existing = await prisma.actionPlan.findUnique({ where: { officeId_fiscalYear: { officeId, fiscalYear } } });
  if (existing) return existing;
  // Two first writes at once: one creates the plan (and its audit entry), the other finds it.
  const created = await prisma.actionPlan.createManyAndReturn({ data: [{ officeId, fiscalYear }], skipDuplicates: true });
  if (!created[0]) return prisma.actionPlan.findUniqueOrThrow({ where: { officeId_fiscalYear: { officeId, fiscalYear } } });
  await audit({
    actorId,
    action: "actionPlan.create",
    entityType: "ActionPlan",
    entityId: String(created[0].id),
    summary: `FY${fiscalYear}`,
  });
  return created[0];
}

export interface ItemInput {
  itemCodes: string[];
  issue: string;
  goal: string;
  actions: string;
  owner: string;
  startDate: Date | null;
  dueDate: Date | null;
  /** Issue 17: "module:<slug>" | "session:<id>" | "" (checked by the route with trainingTargetKnown). */
  training?: string;
}

/** The item's training link columns from the form's "module:<slug>" / "session:<id>" / "". */
function trainingColumns(input: ItemInput) {
  const { training = "", ...rest } = input;
  const [kind, ref] = training.split(":");
  return {
    ...rest,
    trainingModuleSlug: kind === "module" ? ref : null,
    trainingSessionId: kind === "session" ? Number(ref) : null,
  };
}

/** The plan item, only when it belongs to the office (another office's item is "not found"). */
export async function ownItem(officeId: number, itemId: number) {
  const item = await prisma.actionPlanItem.findUnique({ where: { id: itemId }, include: { plan: true } });
  if (!item || item.plan.officeId !== officeId) throw notFound();
  return item;
}

/** A plan can be written to only while it is of the current fiscal year and not yet reviewed. */
export function planIsWritable(plan: { status: string; fiscalYear: number }): boolean {
  return plan.status !== "REVIEWED" && plan.fiscalYear === fiscalYearOf(now());
}

/**
 * Locks the plan's row and refuses (403) a reviewed plan or one of a closed year: every write to a plan
 * and its items goes through here, whatever the intent, so the rule does not depend on the page.
 */
async function lockWritablePlan(tx: Prisma.TransactionClient, planId: number) {
  const rows = await tx.$queryRaw<{ status: string; fiscalYear: number }[]>`
    SELECT "status"::text AS "status", "fiscalYear" FROM "ActionPlan" WHERE "id" = ${planId} FOR UPDATE`;
  if (!rows[0]) throw notFound();
  if (!planIsWritable(rows[0])) throw forbidden();
}

async function planIdOfItem(tx: Prisma.TransactionClient, itemId: number) {
  const item = await tx.actionPlanItem.findUnique({ where: { id: itemId }, select: { planId: true } });
  if (!item) throw notFound();
  return item.planId;
}

/** Who sends a creating form, and its one-time key (app/lib/form-key.server.ts). */
export interface Once {
  formKey: string | null;
  userId: number;
}

/** Adds an item; null when this form was already carried out (a double submit creates nothing). */
export async function addItem(planId: number, input: ItemInput, once: Once) {
  return prisma.$transaction(async (tx) => {
    await lockWritablePlan(tx, planId);
    if (!(await claimFormKey(tx, once.formKey, `actionPlan.addItem:${planId}`, once.userId))) return null;
    const count = await tx.actionPlanItem.count({ where: { planId } });
    const item = await tx.actionPlanItem.create({ data: { planId, ...trainingColumns(input), sortOrder: count } });
    await audit(
      {
        actorId: once.userId,
        action: "actionPlan.addItem",
        entityType: "ActionPlanItem",
        entityId: item.id,
        summary: input.issue.slice(0, 60),
      },
      tx,
    );
    return item;
  });
}

export async function editItem(itemId: number, input: ItemInput, actorId: number) {
  return prisma.$transaction(async (tx) => {
    await lockWritablePlan(tx, await planIdOfItem(tx, itemId));
    const before = await tx.actionPlanItem.findUniqueOrThrow({ where: { id: itemId } });
    const item = await tx.actionPlanItem.update({ where: { id: itemId }, data: trainingColumns(input) });
    const summary = describeChanges(
      { ...before, startDate: before.startDate?.toISOString().slice(0, 10), dueDate: before.dueDate?.toISOString().slice(0, 10) },
      { ...input, startDate: input.startDate?.toISOString().slice(0, 10), dueDate: input.dueDate?.toISOString().slice(0, 10) },
    );
    await audit({ actorId, action: "actionPlan.editItem", entityType: "ActionPlanItem", entityId: itemId, summary }, tx);
    return item;
  });
}

/** A dated progress note with evidence; a status change is recorded with it. */
export async function addUpdate(
  itemId: number,
  input: { date: Date; note: string; evidence: string; status: ItemStatus | null },
  once: Once,
) {
  return prisma.$transaction(async (tx) => {
    await lockWritablePlan(tx, await planIdOfItem(tx, itemId));
    if (!(await claimFormKey(tx, once.formKey, `actionPlan.addUpdate:${itemId}`, once.userId))) return;
    const item = await tx.actionPlanItem.findUniqueOrThrow({ where: { id: itemId } });
    const changed = input.status && input.status !== item.status ? input.status : null;
    await tx.actionPlanUpdate.create({ data: { itemId, date: input.date, note: input.note, evidence: input.evidence, status: changed } });
    if (changed) await tx.actionPlanItem.update({ where: { id: itemId }, data: { status: changed, statusAt: input.date } });
    await audit(
      {
        actorId: once.userId,
        action: "actionPlan.addUpdate",
        entityType: "ActionPlanItem",
        entityId: itemId,
        summary: `${changed ? `${item.status} → ${changed}: ` : ""}${input.note.slice(0, 60)}`,
      },
      tx,
    );
  });
}

export async function submitPlan(planId: number, actorId: number) {
  return prisma.$transaction(async (tx) => {
    await lockWritablePlan(tx, planId);
    const plan = await tx.actionPlan.update({ where: { id: planId }, data: { status: "SUBMITTED", submittedAt: now() } });
    await audit({ actorId, action: "actionPlan.submit", entityType: "ActionPlan", entityId: planId, summary: `FY${plan.fiscalYear}` }, tx);
    return plan;
  });
}

/** The office submits its plan for the year: refused while it has no item. Only the office's own managers. */
export async function submitOfficePlan(
  user: SessionUser,
  officeId: number,
  fiscalYear: number,
): Promise<{ ok: true } | { ok: false; reason: "empty" }> {
  if (!can(user, "workForOffice") || user.officeId !== officeId) throw forbidden();
  const plan = await ensurePlan(officeId, fiscalYear, user.id);
  if ((await prisma.actionPlanItem.count({ where: { planId: plan.id } })) === 0) return { ok: false, reason: "empty" };
  await submitPlan(plan.id, user.id);
  return { ok: true };
}

/** The office's plan page (/action-plan): its plan for the year, the years it has, its weak items and the checklist's. */
export async function officePlanPage(user: SessionUser, officeId: number, fiscalYear: number) {
  if (!can(user, "workForOffice") || user.officeId !== officeId) throw forbidden();
  // The office's name came with the session (user.office is this office): not read again (issue 13).
  const sheets = sheetReader(officeId);
  const [{ plan, years }, weak, choices] = await Promise.all([
    officePlanRead(officeId, fiscalYear).then(async (r) => ({ years: r.years, plan: r.plan ? await shapePlan(r.plan, sheets) : null })),
    weakItemsFor(officeId, fiscalYear, sheets),
    checklistItemChoices(fiscalYear),
  ]);
  return { officeName: user.office?.name ?? "", plan, years, weak, choices };
}

export async function commentOnItem(itemId: number, authorId: number, text: string) {
  const item = await prisma.actionPlanItem.findUnique({
    where: { id: itemId },
    select: { planId: true, plan: { select: { officeId: true, fiscalYear: true } } },
  });
  if (!item) throw notFound();
  // The comment and the notice to the office's managers are one change.
  const mails = await inTransaction(async (tx) => {
    await tx.actionPlanComment.create({ data: { itemId, authorId, text } });
    return notifyAll(tx, await officeManagers(tx, item.plan.officeId), {
      key: "notices.planComment",
      fiscalYear: item.plan.fiscalYear,
      text: text.slice(0, 500),
      link: `/action-plan?year=${item.plan.fiscalYear}`,
    });
  });
  await deliver(mails);
  await audit({
    actorId: authorId,
    action: "actionPlan.comment",
    entityType: "ActionPlanItem",
    entityId: String(itemId),
    summary: text.slice(0, 60),
  });
  return item.planId;
}

export async function markReviewed(planId: number, actorId: number) {
  await prisma.actionPlan.update({ where: { id: planId }, data: { status: "REVIEWED", reviewedAt: now() } });
  await audit({ actorId, action: "actionPlan.review", entityType: "ActionPlan", entityId: String(planId), summary: "" });
}

/** Every office's plan for a year (the subcommittee's list). */
export async function plansFor(fiscalYear: number) {
  const plans = await prisma.actionPlan.findMany({
    where: { fiscalYear },
    include: {
      office: { select: { name: true, ward: { select: { nameJa: true, nameEn: true, sortOrder: true } } } },
      items: { select: { status: true, _count: { select: { comments: true } } } },
    },
    orderBy: [{ office: { ward: { sortOrder: "asc" } } }, { office: { name: "asc" } }],
  });
  return plans.map((p) => ({
    id: p.id,
    officeName: p.office.name,
    wardJa: p.office.ward.nameJa,
    wardEn: p.office.ward.nameEn,
    status: p.status,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    items: p.items.length,
    done: p.items.filter((i) => i.status === "DONE").length,
    comments: p.items.reduce((n, i) => n + i._count.comments, 0),
  }));
}

/** Whether an action-plan item belongs to the plan (the subcommittee comments item by item). */
export async function isItemOfPlan(itemId: number, planId: number): Promise<boolean> {
  const item = await prisma.actionPlanItem.findUnique({ where: { id: itemId }, select: { planId: true } });
  return item?.planId === planId;
}
