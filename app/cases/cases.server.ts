// Case work (事例): assignments on a session, trainees' submissions behind the personal-information guard,
// the group's reading, facilitators' comments and rubric, retention. Every access rule lives here: routes
// pass the signed-in user and parsed input and get one typed result.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import Papa from "papaparse";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { audit, logRead } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/permissions.server";
import { can } from "~/auth/capabilities";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { envVar } from "~/env.server";
import { defineJob } from "~/jobs/queue.server";
import { now } from "~/lib/clock";
import { learningGoalCodes, learningGoals } from "~/training/content.server";
import { mediaStorage } from "~/video/storage.server";
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  cleanFileName,
  detectKind,
  extractText,
  type AttachmentKind,
} from "./attachment-file.server";
import { isAccepted, isRubricLevel, scoreRubric, type RubricResult } from "./rubric";
import type { Finding, FindingKind } from "./scanner";
import { caseTemplateSchema, cleanFields, diffFields, missingFields, type CaseFields, type CaseTemplate, type FieldDiff } from "./template";
import { scan } from "./tokenizer.server";
import { inLocale } from "~/i18n";
import { newWorkbook, workbookBytes } from "~/lib/xlsx.server";

export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

// ── Template ───────────────────────────────────────────────────────────────────────────────
const templates = new Map<number, CaseTemplate>();
export function caseTemplate(version: number): CaseTemplate {
  let t = templates.get(version);
  if (!t) {
    const dir = envVar("TSUNAGU_CASES_DIR") ?? join(process.cwd(), "content/cases");
    t = caseTemplateSchema.parse(parseYaml(readFileSync(join(dir, `v${version}.yaml`), "utf8")));
    templates.set(version, t);
  }
  return t;
}
export const CURRENT_TEMPLATE_VERSION = 1;

// ── Shared loading and access ──────────────────────────────────────────────────────────────
export type Refusal = "not-found" | "forbidden" | "not-yet" | "deleted";
export type Result<T> = ({ ok: true } & T) | { ok: false; reason: Refusal | "invalid"; errors?: Record<string, string> };

async function loadSession(sessionId: number) {
  if (!Number.isInteger(sessionId) || sessionId <= 0) return null;
  return prisma.trainingSession.findUnique({
    where: { id: sessionId },
    include: { days: { orderBy: { startsAt: "asc" } } },
  });
}
type LoadedSession = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

function firstDay(s: LoadedSession): Date | null {
  return s.days[0]?.startsAt ?? null;
}
function lastDay(s: LoadedSession): Date | null {
  return s.days.length ? s.days[s.days.length - 1].endsAt : null;
}
/** When the case texts of a session are deleted. */
export function deletionDate(s: { days: { endsAt: Date }[] }, retentionDays: number): Date | null {
  const end = s.days.length ? s.days.reduce((a, d) => (d.endsAt > a ? d.endsAt : a), s.days[0].endsAt) : null;
  return end ? new Date(end.getTime() + retentionDays * DAY_MS) : null;
}

async function isEnrolled(userId: number, sessionId: number) {
  const e = await prisma.sessionEnrollment.findUnique({ where: { sessionId_userId: { sessionId, userId } }, select: { status: true } });
  return e?.status === "enrolled";
}

async function loadAssignment(sessionId: number) {
  return prisma.caseAssignment.findUnique({ where: { sessionId }, include: { facilitators: true } });
}
type LoadedAssignment = NonNullable<Awaited<ReturnType<typeof loadAssignment>>>;

function isFacilitator(user: SessionUser, a: LoadedAssignment) {
  return can(user, "facilitateCases") && a.facilitators.some((f) => f.userId === user.id);
}

function goalsFor(codes: string[], locale: string) {
  const all = new Map(learningGoals().map((g) => [g.code, g]));
  return codes.map((code) => {
    const g = all.get(code);
    return { code, text: g ? (locale === "en" ? g.text.en : g.text.ja) : code };
  });
}

function fieldsOf(json: Prisma.JsonValue): CaseFields {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const out: CaseFields = {};
  for (const [k, v] of Object.entries(json)) if (typeof v === "string") out[k] = v;
  return out;
}

export interface Confirmation {
  field: string;
  kind: FindingKind;
  text: string;
  at: string;
}
function confirmationsOf(json: Prisma.JsonValue): Confirmation[] {
  return Array.isArray(json) ? (json as unknown as Confirmation[]) : [];
}

export interface FieldFinding extends Finding {
  field: string;
  confirmed: boolean;
}

/** Scans every field; findings the trainee confirmed are marked so. */
export async function scanFields(fields: CaseFields, confirmations: Confirmation[]): Promise<FieldFinding[]> {
  const out: FieldFinding[] = [];
  for (const [field, text] of Object.entries(fields)) {
    for (const f of await scan(text)) {
      out.push({ ...f, field, confirmed: confirmations.some((c) => c.field === field && c.kind === f.kind && c.text === f.text) });
    }
  }
  return out;
}

function assignmentView(a: LoadedAssignment, s: LoadedSession, locale: string) {
  return {
    id: a.id,
    instructions: inLocale(locale, a.instructionsJa, a.instructionsEn),
    dueAt: a.dueAt,
    goals: goalsFor(a.goalCodes, locale),
    retentionDays: a.retentionDays,
    deletesAt: deletionDate(s, a.retentionDays),
    templateVersion: a.templateVersion,
  };
}

// ── Committee: the assignment ───────────────────────────────────────────────────────────────
const assignmentSchema = z.object({
  instructionsJa: z.string().trim().min(1).max(4000),
  instructionsEn: z.string().trim().max(4000).default(""),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid"),
  dueTime: z.string().regex(/^\d{2}:\d{2}$/, "validation.invalid"),
  goalCodes: z.array(z.string()).min(1, "cases.error.goals"),
  retentionDays: z.coerce.number().int().min(7).max(3650),
  facilitatorIds: z.array(z.coerce.number().int().positive()).default([]),
});

export async function saveAssignment(
  user: SessionUser,
  sessionId: number,
  input: Record<string, unknown>,
): Promise<Result<{ id: number }>> {
  if (!can(user, "runTraining")) return { ok: false, reason: "forbidden" };
  const s = await loadSession(sessionId);
  if (!s) return { ok: false, reason: "not-found" };
  const parsed = assignmentSchema.safeParse(input);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      errors[key] ??= issue.message.startsWith("cases.") ? issue.message : "cases.error.invalid";
    }
    return { ok: false, reason: "invalid", errors };
  }
  const d = parsed.data;
  const dueAt = new Date(`${d.dueDate}T${d.dueTime}:00+09:00`);
  const start = firstDay(s);
  if (Number.isNaN(dueAt.getTime())) errors.dueDate = "cases.error.invalid";
  else if (start && dueAt >= start) errors.dueDate = "cases.error.dueAfterStart";
  const known = learningGoalCodes();
  if (d.goalCodes.some((c) => !known.has(c))) errors.goalCodes = "cases.error.goals";
  const committee = d.facilitatorIds.length
    ? await prisma.user.findMany({
        where: { id: { in: d.facilitatorIds }, roles: { has: "PLANNING_COMMITTEE" }, active: true },
        select: { id: true },
      })
    : [];
  if (committee.length !== new Set(d.facilitatorIds).size) errors.facilitatorIds = "cases.error.facilitators";
  if (Object.keys(errors).length) return { ok: false, reason: "invalid", errors };
  const data = {
    instructionsJa: d.instructionsJa,
    instructionsEn: d.instructionsEn,
    dueAt,
    goalCodes: [...new Set(d.goalCodes)],
    retentionDays: d.retentionDays,
  };
  const a = await prisma.$transaction(async (tx) => {
    const row = await tx.caseAssignment.upsert({
      where: { sessionId },
      create: { ...data, sessionId, templateVersion: CURRENT_TEMPLATE_VERSION, createdById: user.id },
      update: data,
    });
    await tx.caseFacilitator.deleteMany({ where: { assignmentId: row.id } });
    if (committee.length) await tx.caseFacilitator.createMany({ data: committee.map((c) => ({ assignmentId: row.id, userId: c.id })) });
    return row;
  });
  await audit({
    actorId: user.id,
    action: "case.assignment.save",
    entityType: "CaseAssignment",
    entityId: a.id,
    summary: `session ${sessionId}`,
  });
  return { ok: true, id: a.id };
}

/** The committee's page: the assignment form's data, the submissions' status, and (for facilitators) the texts. */
type JsonTime = string;
interface SubmittedCaseRow {
  id: number;
  userId: number;
  firstSubmittedAt: Date | null;
  lastSubmittedAt: Date | null;
  late: boolean;
  review: string;
  textsDeletedAt: Date | null;
  versionCount: number;
  latest: { number: number; fields: Prisma.JsonValue } | null;
  ratings: { goalCode: string; level: number }[];
  comments: { id: number; field: string; quote: string; body: string; versionNumber: number; createdAt: JsonTime }[];
  questions: { id: number; authorId: number; body: string; createdAt: JsonTime }[];
  attachments: { id: number; originalName: string; kind: string; sizeBytes: number; submittedAt: JsonTime | null }[];
}

/**
 * An assignment's submitted cases, first submitted first, with their number of versions, the latest one, the ratings
 * and, only for a facilitator (who alone is shown them), the comments, questions and submitted files, in one statement
 * (issue 13: were six, the submissions and five relations, read whoever asked; the texts too are read only for a
 * facilitator).
 */
async function submittedCases(assignmentId: number, facilitator: boolean) {
  const rows = await prisma.$queryRaw<SubmittedCaseRow[]>`
    SELECT x."id", x."userId", x."firstSubmittedAt", x."lastSubmittedAt", x."late", x."review", x."textsDeletedAt",
           (SELECT COUNT(*)::int FROM "CaseVersion" v WHERE v."submissionId" = x."id") AS "versionCount",
           (SELECT json_build_object('number', v."number", 'fields', CASE WHEN ${facilitator}::boolean THEN v."fields" END)
              FROM "CaseVersion" v WHERE v."submissionId" = x."id" ORDER BY v."number" DESC LIMIT 1) AS "latest",
           COALESCE((SELECT json_agg(json_build_object('goalCode', r."goalCode", 'level', r."level") ORDER BY r."id")
                       FROM "CaseRating" r WHERE r."submissionId" = x."id"), '[]'::json) AS "ratings",
           CASE WHEN ${facilitator}::boolean THEN COALESCE((
             SELECT json_agg(json_build_object('id', c."id", 'field', c."field", 'quote', c."quote", 'body', c."body",
                                               'versionNumber', c."versionNumber",
                                               'createdAt', to_char(c."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                             ORDER BY c."createdAt", c."id")
               FROM "CaseComment" c WHERE c."submissionId" = x."id"), '[]'::json) ELSE '[]'::json END AS "comments",
           CASE WHEN ${facilitator}::boolean THEN COALESCE((
             SELECT json_agg(json_build_object('id', q."id", 'authorId', q."authorId", 'body', q."body",
                                               'createdAt', to_char(q."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                             ORDER BY q."createdAt", q."id")
               FROM "CaseQuestion" q WHERE q."submissionId" = x."id"), '[]'::json) ELSE '[]'::json END AS "questions",
           CASE WHEN ${facilitator}::boolean THEN COALESCE((
             SELECT json_agg(json_build_object('id', f."id", 'originalName', f."originalName", 'kind', f."kind",
                                               'sizeBytes', f."sizeBytes",
                                               'submittedAt', to_char(f."submittedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                             ORDER BY f."id")
               FROM "CaseAttachment" f WHERE f."submissionId" = x."id" AND f."submittedAt" IS NOT NULL), '[]'::json)
           ELSE '[]'::json END AS "attachments"
      FROM "CaseSubmission" x
     WHERE x."assignmentId" = ${assignmentId} AND x."status" = 'submitted'
     ORDER BY x."firstSubmittedAt" ASC, x."id" ASC`;
  return rows.map((x) => ({
    ...x,
    comments: x.comments.map((c) => ({ ...c, createdAt: new Date(c.createdAt) })),
    questions: x.questions.map((q) => ({ ...q, createdAt: new Date(q.createdAt) })),
    attachments: x.attachments.map((f) => ({ ...f, submittedAt: f.submittedAt === null ? null : new Date(f.submittedAt), findings: [] })),
  }));
}

export async function committeeCases(user: SessionUser, sessionId: number, locale: string) {
  if (!can(user, "runTraining")) return { ok: false as const, reason: "forbidden" as const };
  if (!Number.isInteger(sessionId) || sessionId <= 0) return { ok: false as const, reason: "not-found" as const };
  // The session with its count of enrolled trainees in one statement (Prisma's relation count is a subquery of it).
  const s = await prisma.trainingSession.findUnique({
    where: { id: sessionId },
    include: {
      days: { orderBy: { startsAt: "asc" } },
      _count: { select: { enrollments: { where: { status: "enrolled" } } } },
    },
  });
  if (!s) return { ok: false as const, reason: "not-found" as const };
  const a = await loadAssignment(sessionId);
  const facilitator = a ? isFacilitator(user, a) : false;
  const at = now();
  const submissions = a ? await submittedCases(a.id, facilitator) : [];
  // The committee (the facilitators to choose from) and the names the cases show, in one statement.
  const named = [...new Set([...submissions.map((x) => x.userId), ...submissions.flatMap((x) => x.questions.map((q) => q.authorId))])];
  const people = await prisma.user.findMany({
    where: { OR: [{ roles: { has: "PLANNING_COMMITTEE" }, active: true }, ...(named.length ? [{ id: { in: named } }] : [])] },
    select: { id: true, displayName: true, roles: true, active: true },
    orderBy: { id: "asc" },
  });
  const committee = people
    .filter((p) => p.active && p.roles.includes("PLANNING_COMMITTEE"))
    .map((p) => ({ id: p.id, displayName: p.displayName }));
  const users = new Map(people.filter((p) => named.includes(p.id)).map((p) => [p.id, p.displayName]));
  const enrolled = s._count.enrollments;
  const view = submissions.map((x) => {
    const result = scoreRubric(a!.goalCodes, x.ratings);
    const latest = x.latest;
    return {
      id: x.id,
      userId: x.userId,
      trainee: users.get(x.userId) ?? "",
      firstSubmittedAt: x.firstSubmittedAt,
      lastSubmittedAt: x.lastSubmittedAt,
      late: x.late,
      review: x.review,
      versionCount: x.versionCount,
      textsDeleted: x.textsDeletedAt !== null,
      result,
      ratings: Object.fromEntries(x.ratings.map((r) => [r.goalCode, r.level])),
      // Texts only for the session's facilitators.
      fields: facilitator && latest ? fieldsOf(latest.fields) : null,
      versionNumber: latest?.number ?? 0,
      comments: facilitator
        ? x.comments.map((c) => ({
            id: c.id,
            field: c.field,
            quote: c.quote,
            body: c.body,
            versionNumber: c.versionNumber,
            createdAt: c.createdAt,
          }))
        : [],
      questions: facilitator
        ? x.questions.map((q) => ({ id: q.id, author: users.get(q.authorId) ?? "", body: q.body, createdAt: q.createdAt }))
        : [],
      // Files, like texts, only for the session's facilitators.
      attachments: facilitator ? x.attachments.map(attachmentView) : [],
    };
  });
  if (facilitator) {
    await logRead(
      user,
      "case.read",
      view.map((v) => ({
        entityType: "CaseSubmission",
        entityId: v.id,
        subjectUserId: v.userId,
        summary: `facilitator, session ${sessionId}`,
      })),
    );
  }
  return {
    ok: true as const,
    session: { id: s.id, titleJa: s.titleJa, titleEn: s.titleEn, goalCodes: s.goalCodes, firstDay: firstDay(s), lastDay: lastDay(s) },
    assignment: a
      ? {
          ...assignmentView(a, s, locale),
          instructionsJa: a.instructionsJa,
          instructionsEn: a.instructionsEn,
          goalCodes: a.goalCodes,
          facilitatorIds: a.facilitators.map((f) => f.userId),
        }
      : null,
    template: caseTemplate(a?.templateVersion ?? CURRENT_TEMPLATE_VERSION),
    goals: goalsFor(
      learningGoals().map((g) => g.code),
      locale,
    ),
    committee,
    isFacilitator: facilitator,
    enrolled,
    submissions: view,
    now: at,
  };
}

async function namesOf(ids: number[]) {
  const rows = ids.length
    ? await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } })
    : [];
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

// ── Trainee: the own case ───────────────────────────────────────────────────────────────────
async function traineeContext(user: SessionUser, sessionId: number) {
  if (!can(user, "enrolInSessions")) return { ok: false as const, reason: "forbidden" as const };
  const s = await loadSession(sessionId);
  if (!s) return { ok: false as const, reason: "not-found" as const };
  const a = await loadAssignment(sessionId);
  if (!a) return { ok: false as const, reason: "not-found" as const };
  if (!(await isEnrolled(user.id, sessionId))) return { ok: false as const, reason: "forbidden" as const };
  return { ok: true as const, s, a };
}

export async function ownCase(user: SessionUser, sessionId: number, locale: string) {
  const ctx = await traineeContext(user, sessionId);
  if (!ctx.ok) return ctx;
  const { s, a } = ctx;
  const sub = await prisma.caseSubmission.findUnique({
    where: { assignmentId_userId: { assignmentId: a.id, userId: user.id } },
    include: {
      versions: { orderBy: { number: "asc" } },
      comments: { orderBy: { createdAt: "asc" } },
      ratings: true,
      questions: true,
      attachments: { orderBy: { id: "asc" } },
    },
  });
  const template = caseTemplate(a.templateVersion);
  const draft = sub ? fieldsOf(sub.draft) : {};
  const confirmations = sub ? confirmationsOf(sub.confirmations) : [];
  const findings = await scanFields(draft, confirmations);
  const versions = sub?.versions ?? [];
  const diffs: { number: number; diff: FieldDiff[] }[] = [];
  for (let i = 1; i < versions.length; i++) {
    diffs.push({ number: versions[i].number, diff: diffFields(template, fieldsOf(versions[i - 1].fields), fieldsOf(versions[i].fields)) });
  }
  const names = await namesOf(sub?.questions.map((q) => q.authorId) ?? []);
  return {
    ok: true as const,
    session: { id: s.id, titleJa: s.titleJa, titleEn: s.titleEn, firstDay: firstDay(s) },
    assignment: assignmentView(a, s, locale),
    template,
    draft,
    revision: sub?.revision ?? 0,
    status: sub?.status ?? "draft",
    late: sub?.late ?? false,
    review: sub?.review ?? "none",
    textsDeleted: !!sub?.textsDeletedAt,
    findings,
    versions: versions.map((v) => ({ number: v.number, submittedAt: v.submittedAt, late: v.late, fields: fieldsOf(v.fields) })),
    diffs,
    comments: (sub?.comments ?? []).map((c) => ({
      id: c.id,
      field: c.field,
      quote: c.quote,
      body: c.body,
      versionNumber: c.versionNumber,
      createdAt: c.createdAt,
    })),
    rubric: sub ? scoreRubric(a.goalCodes, sub.ratings) : scoreRubric(a.goalCodes, []),
    ratings: Object.fromEntries((sub?.ratings ?? []).map((r) => [r.goalCode, r.level])),
    questions: (sub?.questions ?? []).map((q) => ({ id: q.id, author: names.get(q.authorId) ?? "", body: q.body, createdAt: q.createdAt })),
    attachments: (sub?.attachments ?? []).map((x) => ({
      ...attachmentView(x),
      findings: attachmentFindings(x, confirmations),
    })),
    maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
    maxAttachments: MAX_ATTACHMENTS,
    pastDue: now() > a.dueAt,
  };
}

const draftSchema = z.object({
  fields: z.record(z.string(), z.string().max(8000)),
  revision: z.coerce.number().int().min(0),
});

/** Saves the draft (as the trainee types) and answers the findings of the guard. */
export async function saveDraft(
  user: SessionUser,
  sessionId: number,
  input: { fields: Record<string, unknown>; revision: unknown },
): Promise<Result<{ revision: number; findings: FieldFinding[]; conflict?: boolean }>> {
  const ctx = await traineeContext(user, sessionId);
  if (!ctx.ok) return ctx;
  const parsed = draftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const template = caseTemplate(ctx.a.templateVersion);
  const fields = cleanFields(template, parsed.data.fields);
  const existing = await prisma.caseSubmission.findUnique({ where: { assignmentId_userId: { assignmentId: ctx.a.id, userId: user.id } } });
  if (existing?.textsDeletedAt) return { ok: false, reason: "deleted" };
  let revision: number;
  if (!existing) {
    const created = await prisma.caseSubmission.create({ data: { assignmentId: ctx.a.id, userId: user.id, draft: fields, revision: 1 } });
    revision = created.revision;
  } else {
    // Optimistic concurrency: a stale tab does not overwrite newer text.
    const updated = await prisma.caseSubmission.updateMany({
      where: { id: existing.id, revision: parsed.data.revision },
      data: { draft: fields, revision: { increment: 1 } },
    });
    if (updated.count === 0) {
      return {
        ok: true,
        revision: existing.revision,
        conflict: true,
        findings: await scanFields(fieldsOf(existing.draft), confirmationsOf(existing.confirmations)),
      };
    }
    revision = parsed.data.revision + 1;
  }
  const confirmations = existing ? confirmationsOf(existing.confirmations) : [];
  return { ok: true, revision, findings: await scanFields(fields, confirmations) };
}

const confirmSchema = z.object({ field: z.string().min(1).max(40), kind: z.string().min(1).max(20), text: z.string().min(1).max(200) });

/** The trainee confirms that a finding is not personal information; recorded on the case and audited. */
export async function confirmFinding(user: SessionUser, sessionId: number, input: Record<string, unknown>): Promise<Result<object>> {
  const ctx = await traineeContext(user, sessionId);
  if (!ctx.ok) return ctx;
  const parsed = confirmSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const sub = await prisma.caseSubmission.findUnique({ where: { assignmentId_userId: { assignmentId: ctx.a.id, userId: user.id } } });
  if (!sub) return { ok: false, reason: "not-found" };
  const list = confirmationsOf(sub.confirmations);
  const c = { ...parsed.data, kind: parsed.data.kind as FindingKind, at: now().toISOString() };
  if (!list.some((x) => x.field === c.field && x.kind === c.kind && x.text === c.text)) list.push(c);
  await prisma.caseSubmission.update({ where: { id: sub.id }, data: { confirmations: list as unknown as Prisma.InputJsonValue } });
  await audit({
    actorId: user.id,
    action: "case.finding.confirm",
    entityType: "CaseSubmission",
    entityId: sub.id,
    summary: `${c.field}: ${c.kind}`,
  });
  return { ok: true };
}

export type SubmitResult =
  | { ok: true; version: number; late: boolean }
  | { ok: false; reason: Refusal | "invalid" | "unresolved" | "incomplete"; findings: FieldFinding[]; missing: string[] };

/** Submits (or resubmits) the case: every field filled, every finding resolved or confirmed. */
export async function submitCase(
  user: SessionUser,
  sessionId: number,
  input: { fields: Record<string, unknown>; revision: unknown },
): Promise<SubmitResult> {
  const refused = (reason: Refusal | "invalid") => ({ ok: false as const, reason, findings: [], missing: [] });
  const saved = await saveDraft(user, sessionId, input);
  if (!saved.ok) return refused(saved.reason);
  if (saved.conflict) return refused("invalid");
  const ctx = await traineeContext(user, sessionId);
  if (!ctx.ok) return refused(ctx.reason);
  const sub = await prisma.caseSubmission.findUniqueOrThrow({
    where: { assignmentId_userId: { assignmentId: ctx.a.id, userId: user.id } },
    include: { versions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const fields = fieldsOf(sub.draft);
  const template = caseTemplate(ctx.a.templateVersion);
  const missing = missingFields(template, fields);
  if (missing.length) return { ok: false, reason: "incomplete", missing, findings: [] };
  const files = await prisma.caseAttachment.findMany({ where: { submissionId: sub.id } });
  const confirmations = confirmationsOf(sub.confirmations);
  const fileFindings = files.flatMap((x) => attachmentFindings(x, confirmations));
  const unresolved = [...saved.findings, ...fileFindings].filter((f) => !f.confirmed);
  if (unresolved.length) return { ok: false, reason: "unresolved", findings: [...saved.findings, ...fileFindings], missing: [] };
  const at = now();
  const late = at > ctx.a.dueAt;
  const number = (sub.versions[0]?.number ?? 0) + 1;
  const confirmedCount = saved.findings.length + fileFindings.length;
  await prisma.$transaction([
    prisma.caseVersion.create({ data: { submissionId: sub.id, number, fields, late, confirmedCount, submittedAt: at } }),
    // The files attached so far go out with this version: from now on the group and facilitators see them.
    prisma.caseAttachment.updateMany({ where: { submissionId: sub.id, submittedAt: null }, data: { submittedAt: at } }),
    prisma.caseSubmission.update({
      where: { id: sub.id },
      data: {
        status: "submitted",
        firstSubmittedAt: sub.firstSubmittedAt ?? at,
        lastSubmittedAt: at,
        late: sub.firstSubmittedAt ? sub.late : late,
        review: sub.review === "revise" ? "none" : sub.review,
      },
    }),
  ]);
  await audit({
    actorId: user.id,
    action: "case.submit",
    entityType: "CaseSubmission",
    entityId: sub.id,
    summary: `version ${number}${late ? ", late" : ""}, ${confirmedCount} confirmed finding(s), ${files.length} file(s)`,
  });
  return { ok: true, version: number, late };
}

// ── Attachments ────────────────────────────────────────────────────────────────────────────
/** Why an attachment was refused, for the message the trainee sees. */
export type AttachmentError = "missing" | "too-large" | "type" | "unreadable" | "encrypted" | "no-text" | "too-many";

type AttachmentRow = {
  id: number;
  originalName: string;
  kind: string;
  sizeBytes: number;
  submittedAt: Date | null;
  findings: Prisma.JsonValue;
};

function attachmentView(x: AttachmentRow) {
  return { id: x.id, name: x.originalName, kind: x.kind as AttachmentKind, sizeBytes: x.sizeBytes, submittedAt: x.submittedAt };
}

/** The guard's findings in a file's text, as findings of the pseudo-field "attachment.<id>" (confirmed like the text's). */
function attachmentFindings(x: AttachmentRow, confirmations: Confirmation[]): FieldFinding[] {
  const field = `attachment.${x.id}`;
  const list = Array.isArray(x.findings) ? (x.findings as unknown as Finding[]) : [];
  return list.map((f) => ({
    ...f,
    field,
    confirmed: confirmations.some((c) => c.field === field && c.kind === f.kind && c.text === f.text),
  }));
}

const attachmentPrefix = (submissionId: number) => `cases/${submissionId}`;

/** Removes every attached file of these cases from the media storage (their rows are the caller's to delete). */
export async function removeAttachmentFiles(submissionIds: number[]) {
  const withFiles = await prisma.caseAttachment.findMany({
    where: { submissionId: { in: submissionIds } },
    distinct: ["submissionId"],
    select: { submissionId: true },
  });
  for (const { submissionId } of withFiles) await mediaStorage().removePrefix(attachmentPrefix(submissionId));
}

/**
 * Attaches a file to the trainee's own case: at most MAX_ATTACHMENT_BYTES, a PDF or Word .docx by its
 * content, with readable text. The text is scanned by the same guard as the case text; its findings must
 * be confirmed (or the file removed) before the case can be submitted.
 */
export async function attachFile(
  user: SessionUser,
  sessionId: number,
  file: { name: string; bytes: Uint8Array } | null,
): Promise<{ ok: true; id: number; findings: number } | { ok: false; reason: Refusal | "invalid"; error?: AttachmentError }> {
  const ctx = await traineeContext(user, sessionId);
  if (!ctx.ok) return ctx;
  if (!file || file.bytes.length === 0) return { ok: false, reason: "invalid", error: "missing" };
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: "invalid", error: "too-large" };
  const kind = await detectKind(file.bytes);
  if (!kind) return { ok: false, reason: "invalid", error: "type" };
  let sub = await prisma.caseSubmission.findUnique({ where: { assignmentId_userId: { assignmentId: ctx.a.id, userId: user.id } } });
  if (sub?.textsDeletedAt) return { ok: false, reason: "deleted" };
  if (sub && (await prisma.caseAttachment.count({ where: { submissionId: sub.id } })) >= MAX_ATTACHMENTS)
    return { ok: false, reason: "invalid", error: "too-many" };
  const text = await extractText(kind, file.bytes);
  if (!text.ok) return { ok: false, reason: "invalid", error: text.reason };
  // A file without text (a scan) cannot be checked by the guard, so it cannot be attached.
  if (!text.text.replace(/\s+/g, "")) return { ok: false, reason: "invalid", error: "no-text" };
  const findings = await scan(text.text);
  sub ??= await prisma.caseSubmission.create({ data: { assignmentId: ctx.a.id, userId: user.id, draft: {}, revision: 1 } });
  const key = `${attachmentPrefix(sub.id)}/${randomUUID()}/file.${kind}`;
  const dir = await mkdtemp(join(tmpdir(), "tsunagu-case-"));
  try {
    const local = join(dir, `file.${kind}`);
    await writeFile(local, file.bytes);
    await mediaStorage().putFile(key, local, { move: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const row = await prisma.caseAttachment.create({
    data: {
      submissionId: sub.id,
      originalName: cleanFileName(file.name, kind),
      kind,
      contentType: ATTACHMENT_TYPES[kind],
      sizeBytes: file.bytes.length,
      storageKey: key,
      textChars: text.text.length,
      findings: findings as unknown as Prisma.InputJsonValue,
    },
  });
  await audit({
    actorId: user.id,
    action: "case.attachment.add",
    entityType: "CaseSubmission",
    entityId: sub.id,
    summary: `file ${row.id}: ${kind}, ${row.sizeBytes} bytes, ${findings.length} finding(s)`,
  });
  return { ok: true, id: row.id, findings: findings.length };
}

/** The trainee removes a file of their own case (from the storage too). */
export async function removeAttachment(user: SessionUser, sessionId: number, attachmentId: unknown): Promise<Result<object>> {
  const ctx = await traineeContext(user, sessionId);
  if (!ctx.ok) return ctx;
  const id = Number(attachmentId);
  if (!Number.isInteger(id) || id <= 0) return { ok: false, reason: "invalid" };
  const row = await prisma.caseAttachment.findFirst({
    where: { id, submission: { assignmentId: ctx.a.id, userId: user.id } },
  });
  if (!row) return { ok: false, reason: "not-found" };
  await mediaStorage().removePrefix(row.storageKey.split("/").slice(0, -1).join("/"));
  await prisma.caseAttachment.delete({ where: { id: row.id } });
  await audit({
    actorId: user.id,
    action: "case.attachment.remove",
    entityType: "CaseSubmission",
    entityId: row.submissionId,
    summary: `file ${row.id}`,
  });
  return { ok: true };
}

/**
 * A file to download, for whoever may read the case: its author (also before submitting), and once the
 * case is submitted with it, the group (enrolled trainees from the due date) and the session's
 * facilitators — the same rule as the case text. Every download is audited.
 */
export async function readAttachment(
  user: SessionUser,
  sessionId: number,
  attachmentId: number,
): Promise<{ ok: true; key: string; name: string; contentType: string; sizeBytes: number } | { ok: false; reason: Refusal }> {
  if (!Number.isInteger(attachmentId) || attachmentId <= 0) return { ok: false, reason: "not-found" };
  const row = await prisma.caseAttachment.findUnique({
    where: { id: attachmentId },
    include: { submission: { select: { userId: true, status: true, textsDeletedAt: true, assignment: { select: { sessionId: true } } } } },
  });
  const own = !!row && row.submission.userId === user.id && can(user, "enrolInSessions");
  // Whoever is not the author is checked against the session first, so nobody else learns which files exist.
  if (!own) {
    const ctx = await groupAccess(user, sessionId);
    if (!ctx.ok) return { ok: false, reason: ctx.reason };
  }
  if (!row || row.submission.assignment.sessionId !== sessionId || row.submission.textsDeletedAt) return { ok: false, reason: "not-found" };
  if (!own && (row.submission.status !== "submitted" || !row.submittedAt)) return { ok: false, reason: "forbidden" };
  await audit({
    actorId: user.id,
    action: "case.attachment.read",
    entityType: "CaseSubmission",
    entityId: row.submissionId,
    summary: `file ${row.id}, ${own ? "author" : `session ${sessionId}`}`,
  });
  return { ok: true, key: row.storageKey, name: row.originalName, contentType: row.contentType, sizeBytes: row.sizeBytes };
}

// ── The group's cases ───────────────────────────────────────────────────────────────────────
/** Who may read the group's cases: the session's enrolled trainees from the due date, and its facilitators. */
async function groupAccess(user: SessionUser, sessionId: number) {
  const s = await loadSession(sessionId);
  if (!s) return { ok: false as const, reason: "not-found" as const };
  const a = await loadAssignment(sessionId);
  if (!a) return { ok: false as const, reason: "not-found" as const };
  const facilitator = isFacilitator(user, a);
  const trainee = can(user, "enrolInSessions") && (await isEnrolled(user.id, sessionId));
  if (!facilitator && !trainee) return { ok: false as const, reason: "forbidden" as const };
  if (!facilitator && now() < a.dueAt) return { ok: false as const, reason: "not-yet" as const, dueAt: a.dueAt };
  return { ok: true as const, s, a, facilitator };
}

export async function groupCases(user: SessionUser, sessionId: number, locale: string) {
  const ctx = await groupAccess(user, sessionId);
  if (!ctx.ok) return ctx;
  const { s, a } = ctx;
  const subs = await prisma.caseSubmission.findMany({
    where: { assignmentId: a.id, status: "submitted" },
    include: {
      versions: { orderBy: { number: "desc" }, take: 1 },
      questions: { orderBy: { createdAt: "asc" } },
      attachments: { where: { submittedAt: { not: null } }, orderBy: { id: "asc" } },
    },
    orderBy: { firstSubmittedAt: "asc" },
  });
  const names = await namesOf([...subs.map((x) => x.userId), ...subs.flatMap((x) => x.questions.map((q) => q.authorId))]);
  await logRead(
    user,
    "case.read",
    subs.map((x) => ({ entityType: "CaseSubmission", entityId: x.id, subjectUserId: x.userId, summary: `group, session ${sessionId}` })),
  );
  return {
    ok: true as const,
    session: { id: s.id, titleJa: s.titleJa, titleEn: s.titleEn },
    assignment: assignmentView(a, s, locale),
    template: caseTemplate(a.templateVersion),
    cases: subs.map((x) => ({
      id: x.id,
      mine: x.userId === user.id,
      trainee: names.get(x.userId) ?? "",
      late: x.late,
      submittedAt: x.lastSubmittedAt,
      version: x.versions[0]?.number ?? 0,
      textsDeleted: x.textsDeletedAt !== null,
      fields: x.versions[0] ? fieldsOf(x.versions[0].fields) : {},
      questions: x.questions.map((q) => ({ id: q.id, author: names.get(q.authorId) ?? "", body: q.body, createdAt: q.createdAt })),
      attachments: x.attachments.map(attachmentView),
    })),
  };
}

const questionSchema = z.object({ submissionId: z.coerce.number().int().positive(), body: z.string().trim().min(1).max(2000) });

export async function askQuestion(user: SessionUser, sessionId: number, input: Record<string, unknown>): Promise<Result<object>> {
  const ctx = await groupAccess(user, sessionId);
  if (!ctx.ok) return { ok: false, reason: ctx.reason };
  const parsed = questionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", errors: { body: "cases.error.question" } };
  const sub = await prisma.caseSubmission.findFirst({
    where: { id: parsed.data.submissionId, assignmentId: ctx.a.id, status: "submitted" },
  });
  if (!sub || sub.textsDeletedAt) return { ok: false, reason: "not-found" };
  // A question is text about a case: it goes through the guard too (the page shows what to change).
  const findings = await scan(parsed.data.body);
  if (findings.length) return { ok: false, reason: "invalid", errors: { body: "cases.error.questionPersonal" } };
  await prisma.caseQuestion.create({ data: { submissionId: sub.id, authorId: user.id, body: parsed.data.body } });
  await audit({ actorId: user.id, action: "case.question", entityType: "CaseSubmission", entityId: sub.id });
  return { ok: true };
}

// ── Facilitator feedback ───────────────────────────────────────────────────────────────────
async function facilitatorContext(user: SessionUser, sessionId: number, submissionId: number) {
  const a = await loadAssignment(sessionId);
  if (!a) return { ok: false as const, reason: "not-found" as const };
  if (!isFacilitator(user, a)) return { ok: false as const, reason: "forbidden" as const };
  const sub = await prisma.caseSubmission.findFirst({
    where: { id: submissionId, assignmentId: a.id, status: "submitted" },
    include: { versions: { orderBy: { number: "desc" }, take: 1 } },
  });
  if (!sub) return { ok: false as const, reason: "not-found" as const };
  if (sub.textsDeletedAt) return { ok: false as const, reason: "deleted" as const };
  return { ok: true as const, a, sub };
}

const commentSchema = z.object({
  submissionId: z.coerce.number().int().positive(),
  field: z.string().min(1).max(40),
  quote: z.string().trim().min(1, "cases.error.quote").max(1000),
  body: z.string().trim().min(1, "cases.error.comment").max(4000),
});

/** A comment anchored to a passage (the quoted words, located in the latest version's field). */
export async function addComment(user: SessionUser, sessionId: number, input: Record<string, unknown>): Promise<Result<{ id: number }>> {
  const parsed = commentSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message.startsWith("cases.") ? i.message : "cases.error.invalid";
    return { ok: false, reason: "invalid", errors };
  }
  const ctx = await facilitatorContext(user, sessionId, parsed.data.submissionId);
  if (!ctx.ok) return ctx;
  const version = ctx.sub.versions[0];
  const text = fieldsOf(version.fields)[parsed.data.field] ?? "";
  const start = text.indexOf(parsed.data.quote);
  if (start < 0) return { ok: false, reason: "invalid", errors: { quote: "cases.error.quoteNotFound" } };
  const c = await prisma.caseComment.create({
    data: {
      submissionId: ctx.sub.id,
      versionNumber: version.number,
      authorId: user.id,
      field: parsed.data.field,
      start,
      end: start + parsed.data.quote.length,
      quote: parsed.data.quote,
      body: parsed.data.body,
    },
  });
  await audit({ actorId: user.id, action: "case.comment", entityType: "CaseSubmission", entityId: ctx.sub.id });
  return { ok: true, id: c.id };
}

/** Rates the rubric (rows = the assignment's goals, levels 1–4) and records the decision. */
export async function rateCase(
  user: SessionUser,
  sessionId: number,
  input: { submissionId: unknown; ratings: Record<string, unknown>; review: unknown },
): Promise<Result<{ result: RubricResult }>> {
  const submissionId = Number(input.submissionId);
  if (!Number.isInteger(submissionId) || submissionId <= 0) return { ok: false, reason: "invalid" };
  const ctx = await facilitatorContext(user, sessionId, submissionId);
  if (!ctx.ok) return ctx;
  const review = z.enum(["none", "revise", "accepted"]).safeParse(input.review);
  if (!review.success) return { ok: false, reason: "invalid", errors: { review: "cases.error.invalid" } };
  const levels: { goalCode: string; level: number }[] = [];
  for (const code of ctx.a.goalCodes) {
    const raw = input.ratings[code];
    if (raw === undefined || raw === "") continue;
    const level = Number(raw);
    if (!isRubricLevel(level)) return { ok: false, reason: "invalid", errors: { [code]: "cases.error.invalid" } };
    levels.push({ goalCode: code, level });
  }
  const result = scoreRubric(ctx.a.goalCodes, levels);
  if (review.data === "accepted" && !result.complete)
    return { ok: false, reason: "invalid", errors: { review: "cases.error.acceptIncomplete" } };
  const versionNumber = ctx.sub.versions[0].number;
  await prisma.$transaction([
    ...levels.map((l) =>
      prisma.caseRating.upsert({
        where: { submissionId_goalCode: { submissionId, goalCode: l.goalCode } },
        create: { submissionId, goalCode: l.goalCode, level: l.level, raterId: user.id, versionNumber },
        update: { level: l.level, raterId: user.id, versionNumber },
      }),
    ),
    prisma.caseSubmission.update({ where: { id: submissionId }, data: { review: review.data, reviewedAt: now() } }),
  ]);
  await audit({
    actorId: user.id,
    action: "case.rate",
    entityType: "CaseSubmission",
    entityId: submissionId,
    summary: `${levels.map((l) => `${l.goalCode}=${l.level}`).join(", ")}; ${review.data}`,
  });
  return { ok: true, result };
}

// ── For other capabilities ─────────────────────────────────────────────────────────────────
/**
 * Whether the trainee's case work allows completing the session: true when the session has no case
 * assignment, otherwise only with an accepted submission (accepted by a facilitator, rubric complete).
 * For the certificate rules (scheduling) to call.
 */
export async function caseRequirementMet(userId: number, sessionId: number): Promise<boolean> {
  return (await caseRequirementsMet(sessionId, [userId])).get(userId) ?? false;
}

/** `caseRequirementMet` for several trainees of one session at once (the roster): two queries, whatever their number. */
export async function caseRequirementsMet(sessionId: number, userIds: number[]): Promise<Map<number, boolean>> {
  const a = await prisma.caseAssignment.findUnique({ where: { sessionId } });
  if (!a) return new Map(userIds.map((u) => [u, true]));
  const subs = await prisma.caseSubmission.findMany({
    where: { assignmentId: a.id, userId: { in: userIds } },
    include: { ratings: true },
  });
  const accepted = new Set(
    subs
      .filter((sub) => sub.status === "submitted" && isAccepted(sub.review, scoreRubric(a.goalCodes, sub.ratings)))
      .map((sub) => sub.userId),
  );
  return new Map(userIds.map((u) => [u, accepted.has(u)]));
}

/** Learning goals the trainee reached through rated case work (rubric level 3 or 4). */
export async function caseGoalsReached(userId: number): Promise<string[]> {
  const subs = await prisma.caseSubmission.findMany({
    where: { userId, status: "submitted" },
    include: { ratings: true, assignment: { select: { goalCodes: true } } },
  });
  const reached = new Set<string>();
  for (const s of subs) for (const g of scoreRubric(s.assignment.goalCodes, s.ratings).reached) reached.add(g);
  return [...reached].sort();
}

/** For the session page: whether a case assignment exists and where the user may go. */
/** `enrolmentStatus`: the user's enrolment status in the session when the caller reads it anyway (the session page). */
export async function caseLinks(user: SessionUser, sessionId: number, enrolmentStatus?: Promise<string | null>) {
  const a = await loadAssignment(sessionId);
  if (!a) return null;
  const trainee =
    can(user, "enrolInSessions") && (enrolmentStatus ? (await enrolmentStatus) === "enrolled" : await isEnrolled(user.id, sessionId));
  return { dueAt: a.dueAt, own: trainee, group: trainee || isFacilitator(user, a), groupOpen: now() >= a.dueAt || isFacilitator(user, a) };
}

// ── Export of rubric results (never the texts) ─────────────────────────────────────────────
export async function rubricRows(user: SessionUser, sessionId: number) {
  if (!can(user, "runTraining")) return { ok: false as const, reason: "forbidden" as const };
  const a = await prisma.caseAssignment.findUnique({ where: { sessionId } });
  const s = await loadSession(sessionId);
  if (!a || !s) return { ok: false as const, reason: "not-found" as const };
  const subs = await prisma.caseSubmission.findMany({
    where: { assignmentId: a.id, status: "submitted" },
    include: { ratings: true, versions: { select: { number: true } } },
    orderBy: { firstSubmittedAt: "asc" },
  });
  const names = await namesOf(subs.map((x) => x.userId));
  const header = [
    "trainee",
    "first_submitted_at",
    "last_submitted_at",
    "late",
    "versions",
    "review",
    ...a.goalCodes,
    "mean",
    "percent",
    "goals_reached",
  ];
  const rows = subs.map((x) => {
    const r = scoreRubric(a.goalCodes, x.ratings);
    const by = new Map(x.ratings.map((k) => [k.goalCode, k.level]));
    return [
      names.get(x.userId) ?? "",
      x.firstSubmittedAt?.toISOString() ?? "",
      x.lastSubmittedAt?.toISOString() ?? "",
      x.late ? "yes" : "no",
      String(x.versions.length),
      x.review,
      ...a.goalCodes.map((g) => String(by.get(g) ?? "")),
      r.mean === null ? "" : String(r.mean),
      r.percent === null ? "" : String(r.percent),
      r.reached.join(" "),
    ];
  });
  await audit({ actorId: user.id, action: "case.rubric.export", entityType: "CaseAssignment", entityId: a.id });
  return { ok: true as const, header, rows, name: `rubric-session-${s.id}` };
}

/** The rubric results as CSV (UTF-8 with BOM) or XLSX; refusals as for rubricRows. */
export async function rubricExport(user: SessionUser, sessionId: number, format: "csv" | "xlsx") {
  const r = await rubricRows(user, sessionId);
  if (!r.ok) return r;
  if (format === "csv") return { ok: true as const, name: `${r.name}.csv`, body: "\uFEFF" + Papa.unparse([r.header, ...r.rows]) };
  const wb = await newWorkbook();
  const ws = wb.addWorksheet("rubric");
  ws.addRow(r.header);
  for (const row of r.rows) ws.addRow(row.map((v, i) => (i >= 6 && i < r.header.length - 1 && v !== "" ? Number(v) : v)));
  ws.getRow(1).font = { bold: true };
  return { ok: true as const, name: `${r.name}.xlsx`, body: new Uint8Array(await workbookBytes(wb)) };
}

// ── Retention ──────────────────────────────────────────────────────────────────────────────
/**
 * Empties the case texts (drafts, versions, confirmations, comments, questions) of every assignment
 * whose session ended more than its retention days ago. Ratings, dates and the audit trail stay.
 */
export async function purgeExpiredCaseTexts(at: Date = now()): Promise<number> {
  const assignments = await prisma.caseAssignment.findMany({ select: { id: true, sessionId: true, retentionDays: true } });
  let purged = 0;
  for (const a of assignments) {
    const days = await prisma.sessionDay.findMany({ where: { sessionId: a.sessionId }, select: { endsAt: true } });
    const due = deletionDate({ days }, a.retentionDays);
    if (!due || at < due) continue;
    const subs = await prisma.caseSubmission.findMany({ where: { assignmentId: a.id, textsDeletedAt: null }, select: { id: true } });
    for (const sub of subs) {
      // The files first: a row is only removed once its file is gone from the storage.
      const files = await prisma.caseAttachment.count({ where: { submissionId: sub.id } });
      if (files) await mediaStorage().removePrefix(attachmentPrefix(sub.id));
      await prisma.$transaction([
        prisma.caseAttachment.deleteMany({ where: { submissionId: sub.id } }),
        prisma.caseVersion.updateMany({ where: { submissionId: sub.id }, data: { fields: {} } }),
        prisma.caseComment.updateMany({ where: { submissionId: sub.id }, data: { quote: "", body: "" } }),
        prisma.caseQuestion.updateMany({ where: { submissionId: sub.id }, data: { body: "" } }),
        prisma.caseSubmission.update({ where: { id: sub.id }, data: { draft: {}, confirmations: [], textsDeletedAt: at } }),
      ]);
      await audit({
        actorId: null,
        action: "case.texts.delete",
        entityType: "CaseSubmission",
        entityId: sub.id,
        summary: `retention ${a.retentionDays} days${files ? `, ${files} file(s)` : ""}`,
      });
      purged++;
    }
  }
  return purged;
}

export const CASE_RETENTION_JOB = "cases.retention";
/** The retention deletion, run daily by the job queue (scheduled in app/jobs/workers.server.ts). */
defineJob(CASE_RETENTION_JOB, async () => {
  const purged = await purgeExpiredCaseTexts();
  if (purged) console.log(`[case retention] deleted the texts of ${purged} case submission(s)`);
});
