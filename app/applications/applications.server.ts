// Applications to the training (issue 20, part 1): the committee's rounds, a trainee's application, the
// office manager's endorsement (rank) or decline, the committee's selection (a proposal by the published
// priorities, changed with a reason) and the decisions sent once to each applicant. Every write is audited
// in its own transaction; every access rule reads app/auth/capabilities.ts.
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { can, mayEndorse } from "~/auth/capabilities";
import { hasAnyRole } from "~/auth/roles";
import type { SessionUser } from "~/auth/session.server";
import type { NextStep } from "~/home/next-step";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { now as clockNow } from "~/lib/clock";
import { failure, parseForm, jstDateField, type FieldErrors, type FormFailure } from "~/lib/forms";
import { jstDateString } from "~/lib/jst";
import { deliver, inTransaction, notify } from "~/mail/notify.server";
import { certificateIssuer } from "~/scheduling/certificates.server";
import {
  MAX_APPLICATION_FILE_BYTES,
  checkApplicationFile,
  removeApplicationFile,
  storeApplicationFile,
  type ApplicationFileError,
} from "./attachment.server";
import { decisionPdf } from "./decision-pdf.server";
import { enrolSelected } from "~/scheduling/scheduling.server";
import { statutoryStatusOf } from "~/staff/staff.server";
import {
  SELECTION_FILTERS,
  type SelectionFilter,
  QUESTIONS,
  STATUTORY,
  TRACKS,
  inSelection,
  roundOpen,
  select,
  shownStatus,
  type Candidate,
  type Question,
} from "./rules";
import { inLocale } from "~/i18n";

const DAY_MS = 24 * 3600_000;

type RoundRow = Prisma.ApplicationRoundGetPayload<{ include: { session: { include: { days: true } } } }>;

function roundView(r: RoundRow, locale: string, now: Date) {
  return {
    id: r.id,
    fiscalYear: r.fiscalYear,
    track: r.track,
    sessionId: r.sessionId,
    title: inLocale(locale, r.titleJa, r.titleEn),
    titleJa: r.titleJa,
    titleEn: r.titleEn,
    opensAt: r.opensAt,
    /** The last day applications are taken (JST): the day before closesAt. */
    closesOn: jstDateString(new Date(r.closesAt.getTime() - 1)),
    closesAt: r.closesAt,
    endorseBy: r.endorseBy,
    endorseOn: jstDateString(new Date(r.endorseBy.getTime() - 1)),
    places: r.places,
    questions: r.questions as Question[],
    open: roundOpen(r, now),
    decisionsSentAt: r.decisionsSentAt,
    firstDay: r.session?.days.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0]?.startsAt ?? null,
  };
}
export type RoundView = ReturnType<typeof roundView>;

const roundInclude = { session: { include: { days: true } } } as const;
/** What the pages show of an application's file (the download is /apply/:id/attachment). */
const fileSelect = { originalName: true, kind: true, sizeBytes: true } as const;

// ---- The committee: rounds ----

const roundSchema = z
  .object({
    id: z.coerce.number().int().positive().optional(),
    titleJa: z.string().trim().min(1).max(200),
    titleEn: z.string().trim().max(200).default(""),
    fiscalYear: z.coerce.number().int().min(2000).max(2100),
    target: z.string().regex(/^(session:\d+|track:[a-z-]+)$/, "applications.round.targetInvalid"),
    opensOn: jstDateField(),
    closesOn: jstDateField(),
    endorseOn: jstDateField(),
    places: z.coerce.number().int().min(1).max(1000),
    questions: z.array(z.enum(QUESTIONS)).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.closesOn < v.opensOn) ctx.addIssue({ code: "custom", path: ["closesOn"], message: "applications.round.closesBeforeOpens" });
    if (v.endorseOn < v.closesOn) ctx.addIssue({ code: "custom", path: ["endorseOn"], message: "applications.round.endorseBeforeClose" });
  });

export async function committeeRounds(year: number, locale: string) {
  const [rounds, sessions] = await Promise.all([
    prisma.applicationRound.findMany({
      where: { fiscalYear: year },
      include: { ...roundInclude, applications: { select: { status: true } } },
      orderBy: { opensAt: "asc" },
    }),
    prisma.trainingSession.findMany({
      where: { fiscalYear: year, status: "scheduled" },
      select: { id: true, titleJa: true, titleEn: true, track: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const now = clockNow();
  return {
    rounds: rounds.map((r) => ({
      ...roundView(r, locale, now),
      applicants: r.applications.filter((a) => a.status !== "withdrawn").length,
    })),
    sessions: sessions.map((s) => ({ id: s.id, title: inLocale(locale, s.titleJa, s.titleEn), track: s.track })),
    tracks: TRACKS,
  };
}

export async function saveRound(user: SessionUser, formData: FormData): Promise<{ ok: true; id: number } | FormFailure> {
  const parsed = parseForm(roundSchema, formData, ["questions"]);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  let track: string;
  let sessionId: number | null = null;
  if (v.target.startsWith("session:")) {
    sessionId = Number(v.target.slice(8));
    const s = await prisma.trainingSession.findUnique({ where: { id: sessionId }, select: { track: true, fiscalYear: true } });
    if (!s || s.fiscalYear !== v.fiscalYear) return failure({ target: [{ key: "applications.round.targetInvalid" }] }, formData);
    track = s.track;
  } else {
    track = v.target.slice(6);
    if (!(TRACKS as readonly string[]).includes(track)) return failure({ target: [{ key: "applications.round.targetInvalid" }] }, formData);
  }
  const data = {
    titleJa: v.titleJa,
    titleEn: v.titleEn,
    fiscalYear: v.fiscalYear,
    track,
    sessionId,
    opensAt: v.opensOn,
    closesAt: new Date(v.closesOn.getTime() + DAY_MS),
    endorseBy: new Date(v.endorseOn.getTime() + DAY_MS),
    places: v.places,
    questions: v.questions,
  };
  return inTransaction(async (tx) => {
    if (v.id) {
      const before = await tx.applicationRound.findUnique({ where: { id: v.id } });
      if (!before) return failure({}, formData, { key: "applications.notFound" });
      if (before.decisionsSentAt) return failure({}, formData, { key: "applications.round.alreadyDecided" });
      await tx.applicationRound.update({ where: { id: v.id }, data });
      await audit(
        { actorId: user.id, action: "applications.round.update", entityType: "ApplicationRound", entityId: v.id, summary: v.titleJa },
        tx,
      );
      return { ok: true as const, id: v.id };
    }
    const row = await tx.applicationRound.create({ data: { ...data, createdById: user.id } });
    await audit(
      { actorId: user.id, action: "applications.round.create", entityType: "ApplicationRound", entityId: row.id, summary: v.titleJa },
      tx,
    );
    return { ok: true as const, id: row.id };
  });
}

// ---- The trainee: /apply ----

export async function applyPage(user: SessionUser, locale: string) {
  const now = clockNow();
  const [rounds, mine] = await Promise.all([
    prisma.applicationRound.findMany({
      where: { opensAt: { lte: now }, closesAt: { gt: now } },
      include: roundInclude,
      orderBy: { closesAt: "asc" },
    }),
    prisma.application.findMany({
      where: { userId: user.id },
      include: { round: { include: roundInclude }, attachment: { select: fileSelect } },
      orderBy: { submittedAt: "desc" },
    }),
  ]);
  return {
    open: rounds.filter((r) => !mine.some((a) => a.roundId === r.id && a.status !== "withdrawn")).map((r) => roundView(r, locale, now)),
    mine: mine.map((a) => ({
      id: a.id,
      round: roundView(a.round, locale, now),
      status: shownStatus(a.status, a.round, now),
      direct: a.direct,
      declineReason: a.declineReason,
      waitlistPosition: a.waitlistPosition,
      submittedAt: a.submittedAt,
      mayWithdraw: roundOpen(a.round, now) && inSelection(a),
      file: a.attachment,
      mayChangeFile: roundOpen(a.round, now) && !a.round.decisionsSentAt && inSelection(a),
    })),
    maxFileMb: MAX_APPLICATION_FILE_BYTES / 1024 / 1024,
  };
}

const applySchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("apply"),
    roundId: z.coerce.number().int().positive(),
    yearsExperience: z.union([z.literal(""), z.coerce.number().int().min(0).max(60)]).optional(),
    currentRole: z.string().trim().max(200).optional(),
    statutoryTraining: z.union([z.literal(""), z.enum(STATUTORY)]).optional(),
    wantToLearn: z.string().trim().max(2000).optional(),
  }),
  z.object({ intent: z.literal("withdraw"), applicationId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("attach"), applicationId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("remove-file"), applicationId: z.coerce.number().int().positive() }),
]);

export type ApplyResult =
  { ok: true; intent: "apply" | "withdraw" | "attach" | "remove-file"; direct?: boolean; applicationId?: number } | FormFailure;

/** The file sent with the form (read with the size limit by the route, app/lib/upload.server.ts). */
export type ApplyUpload = { file: { name: string; bytes: Uint8Array } | null; tooLarge: boolean };

const FILE_ERRORS: Record<ApplicationFileError, { key: "applications.file.tooLarge" | "applications.file.type"; params?: { mb: number } }> =
  {
    "too-large": { key: "applications.file.tooLarge", params: { mb: MAX_APPLICATION_FILE_BYTES / 1024 / 1024 } },
    type: { key: "applications.file.type" },
  };

/** The checked file, or the message for the field; null when no file was sent. */
async function checkedUpload(upload: ApplyUpload) {
  if (upload.tooLarge) return { ok: false as const, error: FILE_ERRORS["too-large"] };
  if (!upload.file) return null;
  const c = await checkApplicationFile(upload.file);
  return c.ok ? c : { ok: false as const, error: FILE_ERRORS[c.error] };
}

/**
 * Applies to an open round (refused after the close), with the optional file when the round takes one; withdraws
 * one's own application before the close; replaces or removes its file while it can still be withdrawn.
 */
export async function applyAction(
  user: SessionUser,
  formData: FormData,
  upload: ApplyUpload = { file: null, tooLarge: false },
): Promise<ApplyResult> {
  if (!can(user, "applyForTraining")) return failure({}, formData, { key: "applications.forbidden" });
  const parsed = parseForm(applySchema, formData);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const now = clockNow();
  if (v.intent === "attach" || v.intent === "remove-file") {
    const frozen = (reason: "not-found" | "frozen") =>
      failure({}, formData, { key: reason === "frozen" ? "applications.file.frozen" : "applications.notFound" });
    if (v.intent === "remove-file") {
      const r = await removeApplicationFile(user, v.applicationId);
      return r.ok ? { ok: true, intent: "remove-file", applicationId: v.applicationId } : frozen(r.reason);
    }
    const c = await checkedUpload(upload);
    if (!c) return failure({ attachment: [{ key: "applications.file.missing" }] }, formData, { key: "applications.file.missing" });
    if (!c.ok) return failure({ attachment: [c.error] }, formData, c.error);
    const r = await storeApplicationFile(user, v.applicationId, c.file);
    return r.ok ? { ok: true, intent: "attach", applicationId: v.applicationId } : frozen(r.reason);
  }
  if (v.intent === "withdraw") {
    return inTransaction(async (tx) => {
      const a = await tx.application.findUnique({ where: { id: v.applicationId }, include: { round: true } });
      if (!a || a.userId !== user.id) return failure({}, formData, { key: "applications.notFound" });
      if (!roundOpen(a.round, now) || !inSelection(a)) return failure({}, formData, { key: "applications.apply.closed" });
      await tx.application.update({ where: { id: a.id }, data: { status: "withdrawn", withdrawnAt: now } });
      await audit(
        { actorId: user.id, action: "applications.withdraw", entityType: "Application", entityId: a.id, summary: `round ${a.roundId}` },
        tx,
      );
      return { ok: true as const, intent: "withdraw" as const };
    });
  }
  const round = await prisma.applicationRound.findUnique({ where: { id: v.roundId } });
  if (!round) return failure({}, formData, { key: "applications.notFound" });
  if (!roundOpen(round, now)) return failure({}, formData, { key: "applications.apply.closed" });
  const asked = new Set(round.questions);
  const errors: Record<string, { key: "validation.required" }[]> = {};
  if (asked.has("experience") && (v.yearsExperience === undefined || v.yearsExperience === ""))
    errors.yearsExperience = [{ key: "validation.required" }];
  if (asked.has("role") && !v.currentRole) errors.currentRole = [{ key: "validation.required" }];
  if (asked.has("statutory") && !v.statutoryTraining) errors.statutoryTraining = [{ key: "validation.required" }];
  if (asked.has("learn") && !v.wantToLearn) errors.wantToLearn = [{ key: "validation.required" }];
  // The file is checked before anything is saved, so a refused file leaves no application behind.
  const checked = asked.has("attachment") ? await checkedUpload(upload) : null;
  const fileErrors: FieldErrors = {};
  if (checked && !checked.ok) fileErrors.attachment = [checked.error];
  else if (!asked.has("attachment") && (upload.file || upload.tooLarge)) fileErrors.attachment = [{ key: "applications.file.notTaken" }];
  if (Object.keys(errors).length || Object.keys(fileErrors).length) return failure({ ...errors, ...fileErrors }, formData);
  const applied = await inTransaction(async (tx) => {
    const existing = await tx.application.findUnique({ where: { roundId_userId: { roundId: round.id, userId: user.id } } });
    if (existing && existing.status !== "withdrawn") return failure({}, formData, { key: "applications.apply.already" });
    const managers = user.officeId
      ? await tx.user.count({ where: { officeId: user.officeId, active: true, roles: { has: "OFFICE_MANAGER" } } })
      : 0;
    const direct = managers === 0;
    const data = {
      officeId: user.officeId,
      direct,
      status: direct ? "submitted" : "awaiting-endorsement",
      yearsExperience: asked.has("experience") && typeof v.yearsExperience === "number" ? v.yearsExperience : null,
      currentRole: asked.has("role") ? (v.currentRole ?? "") : "",
      statutoryTraining: asked.has("statutory") ? (v.statutoryTraining ?? "") : "",
      wantToLearn: asked.has("learn") ? (v.wantToLearn ?? "") : "",
      submittedAt: now,
      withdrawnAt: null,
      endorsementRank: null,
      endorsedById: null,
      endorsedAt: null,
      declineReason: "",
      selectionOverride: null,
      selectionReason: "",
    };
    const row = existing
      ? await tx.application.update({ where: { id: existing.id }, data })
      : await tx.application.create({ data: { ...data, roundId: round.id, userId: user.id } });
    await audit(
      {
        actorId: user.id,
        action: "applications.apply",
        entityType: "Application",
        entityId: row.id,
        summary: `round ${round.id}${direct ? " (straight to the committee)" : ""}`,
      },
      tx,
    );
    return { ok: true as const, intent: "apply" as const, direct, applicationId: row.id };
  });
  if (applied.ok && checked?.ok) {
    const stored = await storeApplicationFile(user, applied.applicationId, checked.file);
    if (!stored.ok) return failure({}, formData, { key: "applications.file.frozen" });
  }
  return applied;
}

// ---- The office manager: /office/applications ----

export async function officeApplications(user: SessionUser, locale: string) {
  const now = clockNow();
  if (!can(user, "endorseApplications") || user.officeId === null) return { rows: [] };
  const rows = await prisma.application.findMany({
    where: { officeId: user.officeId, direct: false, status: { not: "withdrawn" } },
    include: { user: { select: { displayName: true } }, round: { include: roundInclude }, attachment: { select: fileSelect } },
    orderBy: [{ roundId: "desc" }, { endorsementRank: "asc" }, { submittedAt: "asc" }],
  });
  return {
    rows: rows
      .filter((a) => mayEndorse(user, a))
      .map((a) => ({
        id: a.id,
        name: a.user.displayName,
        round: roundView(a.round, locale, now),
        status: shownStatus(a.status, a.round, now),
        rank: a.endorsementRank,
        declineReason: a.declineReason,
        file: a.attachment,
        answers: {
          yearsExperience: a.yearsExperience,
          currentRole: a.currentRole,
          statutoryTraining: a.statutoryTraining,
          wantToLearn: a.wantToLearn,
        },
        mayDecide:
          now < a.round.endorseBy && !a.round.decisionsSentAt && ["awaiting-endorsement", "endorsed", "declined"].includes(a.status),
      })),
  };
}

const endorseSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("endorse"),
    applicationId: z.coerce.number().int().positive(),
    rank: z.coerce.number().int().min(1).max(999),
  }),
  z.object({ intent: z.literal("decline"), applicationId: z.coerce.number().int().positive(), reason: z.string().trim().min(1).max(1000) }),
]);

export type EndorseResult = { ok: true; intent: "endorse" | "decline" } | FormFailure;

/** Endorses (with a rank) or declines (with a reason) — only the applicant's own office manager, before the deadline. */
export async function endorseAction(user: SessionUser, formData: FormData): Promise<EndorseResult> {
  const parsed = parseForm(endorseSchema, formData);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const now = clockNow();
  return inTransaction(async (tx) => {
    const a = await tx.application.findUnique({ where: { id: v.applicationId }, include: { round: true } });
    if (!a || !mayEndorse(user, a)) return failure({}, formData, { key: "applications.forbidden" });
    if (now >= a.round.endorseBy || a.round.decisionsSentAt || !["awaiting-endorsement", "endorsed", "declined"].includes(a.status))
      return failure({}, formData, { key: "applications.endorse.late" });
    const data =
      v.intent === "endorse"
        ? { status: "endorsed", endorsementRank: v.rank, declineReason: "", endorsedById: user.id, endorsedAt: now }
        : { status: "declined", endorsementRank: null, declineReason: v.reason, endorsedById: user.id, endorsedAt: now };
    await tx.application.update({ where: { id: a.id }, data });
    await audit(
      {
        actorId: user.id,
        action: `applications.${v.intent}`,
        entityType: "Application",
        entityId: a.id,
        summary: v.intent === "endorse" ? `rank ${v.rank}` : v.reason,
      },
      tx,
    );
    return { ok: true as const, intent: v.intent };
  });
}

// ---- The committee: selection and decisions ----

async function candidatesFor(roundId: number, track: string, tx: Prisma.TransactionClient | typeof prisma = prisma) {
  const apps = await tx.application.findMany({
    where: { roundId },
    include: {
      user: { select: { id: true, displayName: true, email: true, office: { select: { id: true, name: true, wardId: true } } } },
      attachment: { select: fileSelect },
    },
    orderBy: { submittedAt: "asc" },
  });
  const certs = await tx.certificate.findMany({
    where: { userId: { in: apps.map((a) => a.userId) }, track, revokedAt: null },
    select: { userId: true },
  });
  const offices = await tx.office.findMany({
    where: { id: { in: apps.map((a) => a.officeId).filter((x): x is number => x !== null) } },
    select: { id: true, name: true, wardId: true, ward: { select: { nameJa: true, nameEn: true } } },
  });
  return apps.map((a) => {
    const office = offices.find((o) => o.id === a.officeId) ?? null;
    const trained = certs.some((c) => c.userId === a.userId);
    const candidate: Candidate = {
      id: a.id,
      officeId: a.officeId,
      wardId: office?.wardId ?? null,
      trained,
      yearsExperience: a.yearsExperience,
      endorsementRank: a.endorsementRank,
      submittedAt: a.submittedAt,
      override: a.selectionOverride === "accept" || a.selectionOverride === "reject" ? a.selectionOverride : null,
    };
    return { a, office, trained, candidate };
  });
}

/** Whether an application goes before the committee: endorsed, straight to the committee, or left unanswered by the deadline. */
function eligible(a: { status: string }, round: { endorseBy: Date }, now: Date) {
  return a.status === "endorsed" || a.status === "submitted" || (a.status === "awaiting-endorsement" && now >= round.endorseBy);
}

export { SELECTION_FILTERS, type SelectionFilter };

/** After the decisions: the outcome each application was given. */
const DECIDED: Record<string, "accept" | "waitlist" | "reject"> = { accepted: "accept", waitlisted: "waitlist", rejected: "reject" };

export async function selectionPage(roundId: number, filter: SelectionFilter, locale: string) {
  const round = await prisma.applicationRound.findUnique({ where: { id: roundId }, include: roundInclude });
  if (!round) return null;
  const now = clockNow();
  const people = await candidatesFor(round.id, round.track);
  // Each applicant's statutory training (issue 20, part 2: the person's record, app/staff).
  const statutory = await statutoryStatusOf(people.map((p) => p.a.userId));
  const pool = people.filter((p) => eligible(p.a, round, now));
  const sel = select(
    pool.map((p) => p.candidate),
    round.places,
  );
  const rows = people.map((p) => {
    const a = p.a;
    const proposedAt = sel.proposed.indexOf(a.id);
    const decided = round.decisionsSentAt ? DECIDED[a.status] : undefined;
    const outcome = round.decisionsSentAt
      ? (decided ?? null)
      : sel.accepted.includes(a.id)
        ? "accept"
        : sel.waitlisted.includes(a.id)
          ? "waitlist"
          : sel.rejected.includes(a.id) || pool.some((x) => x.a.id === a.id)
            ? "reject"
            : null;
    return {
      id: a.id,
      name: a.user.displayName,
      email: a.user.email,
      office: p.office?.name ?? "",
      ward: (locale === "en" ? p.office?.ward.nameEn : p.office?.ward.nameJa) ?? "",
      status: shownStatus(a.status, round, now),
      direct: a.direct,
      unanswered: a.status === "awaiting-endorsement" && now >= round.endorseBy,
      rank: a.endorsementRank,
      declineReason: a.declineReason,
      trained: p.trained,
      file: a.attachment,
      statutory: statutory.get(a.userId) ?? null,
      answers: {
        yearsExperience: a.yearsExperience,
        currentRole: a.currentRole,
        statutoryTraining: a.statutoryTraining,
        wantToLearn: a.wantToLearn,
      },
      proposed: proposedAt >= 0,
      priority: pool.some((x) => x.a.id === a.id) ? priorityPosition(sel, a.id) : null,
      outcome,
      override: a.selectionOverride,
      overrideReason: a.selectionReason,
      eligible: pool.some((x) => x.a.id === a.id),
      waitlistPosition: a.waitlistPosition,
    };
  });
  rows.sort((x, y) => (x.priority ?? 1e9) - (y.priority ?? 1e9) || x.id - y.id);
  const shown = rows.filter((r) => {
    switch (filter) {
      case "endorsed":
        return r.rank !== null;
      case "direct":
        return r.direct;
      case "declined":
        return r.status === "declined";
      case "withdrawn":
        return r.status === "withdrawn";
      case "proposed":
        return r.proposed;
      case "not-proposed":
        return r.eligible && !r.proposed;
      default:
        return true;
    }
  });
  return {
    round: roundView(round, locale, now),
    rows: shown,
    total: rows.length,
    counts: {
      accept: rows.filter((r) => r.outcome === "accept").length,
      waitlist: rows.filter((r) => r.outcome === "waitlist").length,
      reject: rows.filter((r) => r.outcome === "reject").length,
    },
    maySend: !round.decisionsSentAt && now >= round.closesAt && now >= round.endorseBy,
  };
}

function priorityPosition(sel: ReturnType<typeof select>, id: number): number {
  const order = [...sel.accepted, ...sel.waitlisted, ...sel.rejected];
  return order.indexOf(id) + 1;
}

const selectionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("change"),
    applicationId: z.coerce.number().int().positive(),
    choice: z.enum(["accept", "reject", "proposed"]),
    reason: z.string().trim().min(1).max(1000),
  }),
  z.object({ intent: z.literal("send") }),
]);

export type SelectionResult = { ok: true; intent: "change" } | { ok: true; intent: "send"; sent: number } | FormFailure;

export async function selectionAction(user: SessionUser, roundId: number, formData: FormData): Promise<SelectionResult> {
  if (!can(user, "runTraining")) return failure({}, formData, { key: "applications.forbidden" });
  const parsed = parseForm(selectionSchema, formData);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (v.intent === "send") {
    const out = await sendDecisions(user.id, roundId);
    if (!out.ok)
      return failure({}, formData, {
        key: out.reason === "not-closed" ? "applications.select.notClosed" : "applications.select.alreadySent",
      });
    return { ok: true, intent: "send", sent: out.sent };
  }
  return inTransaction(async (tx) => {
    const a = await tx.application.findUnique({ where: { id: v.applicationId }, include: { round: true } });
    if (!a || a.roundId !== roundId) return failure({}, formData, { key: "applications.notFound" });
    if (a.round.decisionsSentAt) return failure({}, formData, { key: "applications.select.alreadySent" });
    if (!eligible(a, a.round, clockNow())) return failure({}, formData, { key: "applications.select.notEligible" });
    const override = v.choice === "proposed" ? null : v.choice;
    await tx.application.update({ where: { id: a.id }, data: { selectionOverride: override, selectionReason: override ? v.reason : "" } });
    await audit(
      {
        actorId: user.id,
        action: "applications.select.change",
        entityType: "Application",
        entityId: a.id,
        summary: `${v.choice}: ${v.reason}`,
      },
      tx,
    );
    return { ok: true as const, intent: "change" as const };
  });
}

/**
 * Sends the round's decisions, once: under the round's row lock, marks the round decided, sets each
 * applicant's outcome, enrols the accepted in the session (or the year's on-demand training) and waitlists
 * the others in order, and writes each applicant one notice and mail (deduplicated per application).
 * A second call finds the round decided and sends nothing.
 */
export async function sendDecisions(
  actorId: number,
  roundId: number,
): Promise<{ ok: true; sent: number } | { ok: false; reason: "not-found" | "not-closed" | "already-sent" }> {
  const now = clockNow();
  const out = await inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "ApplicationRound" WHERE id = ${roundId} FOR UPDATE`;
    const round = await tx.applicationRound.findUnique({ where: { id: roundId } });
    if (!round) return { ok: false as const, reason: "not-found" as const };
    if (round.decisionsSentAt) return { ok: false as const, reason: "already-sent" as const };
    if (now < round.closesAt || now < round.endorseBy) return { ok: false as const, reason: "not-closed" as const };
    const people = await candidatesFor(round.id, round.track, tx);
    const pool = people.filter((p) => eligible(p.a, round, now));
    const sel = select(
      pool.map((p) => p.candidate),
      round.places,
    );
    await tx.applicationRound.update({ where: { id: round.id }, data: { decisionsSentAt: now } });
    const mail: (number | null)[] = [];
    const decide = async (id: number, status: "accepted" | "waitlisted" | "rejected", position: number | null) => {
      const p = people.find((x) => x.a.id === id)!;
      await tx.application.update({ where: { id }, data: { status, decidedAt: now, waitlistPosition: position } });
      mail.push(
        await notify(tx, {
          userId: p.a.userId,
          key: `applications.notify.${status}`,
          link: "/apply",
          titleJa: round.titleJa,
          titleEn: round.titleEn,
          fiscalYear: round.fiscalYear,
          place: position,
          dedupeKey: `application-decision:${id}`,
        }),
      );
    };
    for (const id of sel.accepted) await decide(id, "accepted", null);
    for (const [i, id] of sel.waitlisted.entries()) await decide(id, "waitlisted", i + 1);
    for (const id of sel.rejected) await decide(id, "rejected", null);
    // Declined by their office: told too (with the office's reason), once.
    for (const p of people.filter((x) => x.a.status === "declined")) {
      await tx.application.update({ where: { id: p.a.id }, data: { decidedAt: now } });
      mail.push(
        await notify(tx, {
          userId: p.a.userId,
          key: "applications.notify.declined",
          link: "/apply",
          titleJa: round.titleJa,
          titleEn: round.titleEn,
          text: p.a.declineReason,
          dedupeKey: `application-decision:${p.a.id}`,
        }),
      );
    }
    const userOf = (id: number) => people.find((x) => x.a.id === id)!.a.userId;
    if (round.sessionId) await enrolSelected(tx, round.sessionId, sel.accepted.map(userOf), sel.waitlisted.map(userOf), actorId);
    else if (round.track === "basic-ondemand")
      for (const id of sel.accepted) {
        const userId = userOf(id);
        await tx.trainingEnrollment.upsert({
          where: { userId_fiscalYear: { userId, fiscalYear: round.fiscalYear } },
          create: { userId, fiscalYear: round.fiscalYear, enrolledById: actorId },
          update: {},
        });
      }
    await audit(
      {
        actorId,
        action: "applications.decisions.send",
        entityType: "ApplicationRound",
        entityId: round.id,
        summary: `accepted ${sel.accepted.length}, waitlisted ${sel.waitlisted.length}, refused ${sel.rejected.length}`,
      },
      tx,
    );
    return { ok: true as const, sent: sel.accepted.length + sel.waitlisted.length + sel.rejected.length, mail };
  });
  if (!out.ok) return out;
  await deliver(out.mail.filter((x): x is number => x !== null));
  return { ok: true, sent: out.sent };
}

// ---- 受講決定通知 (the accepted applicant's PDF) ----

/** The 受講決定通知 PDF of an accepted application: for the applicant or the committee; null otherwise. */
export async function decisionNoticePdfFor(user: SessionUser, applicationId: number) {
  const facts = await decisionNoticeFor(user, applicationId);
  if (!facts) return null;
  const issuer = await certificateIssuer();
  return { number: facts.number, pdf: await decisionPdf({ ...facts, issuerJa: issuer?.nameJa ?? null }) };
}

export async function decisionNoticeFor(user: SessionUser, applicationId: number) {
  const a = await prisma.application.findUnique({
    where: { id: applicationId },
    include: { user: { select: { displayName: true } }, round: { include: roundInclude } },
  });
  if (!a || a.status !== "accepted" || !a.decidedAt) return null;
  if (a.userId !== user.id && !can(user, "runTraining")) return null;
  return {
    name: a.user.displayName,
    track: a.round.track,
    fiscalYear: a.round.fiscalYear,
    titleJa: a.round.titleJa,
    decidedAt: a.decidedAt,
    number: `${a.round.fiscalYear}-A${String(a.roundId).padStart(3, "0")}-${String(a.id).padStart(5, "0")}`,
    days: a.round.session?.days.map((d) => ({ startsAt: d.startsAt, endsAt: d.endsAt })) ?? [],
    venue: a.round.session?.venue ?? "",
  };
}

// ---- Home ----

/** The home page's steps: the trainee's applications (and a decided session), the manager's and the committee's pages. */
export async function applicationSteps(user: SessionUser): Promise<NextStep[]> {
  const items: NextStep[] = [];
  const now = clockNow();
  const en = user.locale === "en";
  if (can(user, "applyForTraining")) {
    const [open, mine] = await Promise.all([
      prisma.applicationRound.count({ where: { opensAt: { lte: now }, closesAt: { gt: now } } }),
      prisma.application.findMany({
        where: { userId: user.id, status: { not: "withdrawn" } },
        include: { round: { select: { titleJa: true, titleEn: true, sessionId: true, closesAt: true, decisionsSentAt: true } } },
        orderBy: { submittedAt: "desc" },
      }),
    ]);
    for (const a of mine.filter((x) => x.status === "accepted"))
      items.push({
        key: `application-accepted-${a.id}`,
        to: a.round.sessionId ? `/sessions/${a.round.sessionId}` : "/training",
        title: "applications.home.accepted.title",
        body: "applications.home.accepted.body",
        params: { title: en && a.round.titleEn ? a.round.titleEn : a.round.titleJa },
      });
    items.push({
      key: "apply",
      to: "/apply",
      title: "applications.home.apply.title",
      body: "applications.home.apply.body",
      params: { open, mine: mine.length },
    });
  }
  if (can(user, "endorseApplications") && user.officeId !== null) {
    const waiting = await prisma.application.count({
      where: { officeId: user.officeId, direct: false, status: "awaiting-endorsement", round: { endorseBy: { gt: now } } },
    });
    items.push({
      key: "office-applications",
      to: "/office/applications",
      title: "applications.home.office.title",
      body: "applications.home.office.body",
      params: { count: waiting },
    });
  }
  if (hasAnyRole(user, ["PLANNING_COMMITTEE"])) {
    const toDecide = await prisma.applicationRound.count({ where: { decisionsSentAt: null, closesAt: { lte: now } } });
    items.push({
      key: "committee-applications",
      to: "/committee/applications",
      title: "applications.home.committee.title",
      body: "applications.home.committee.body",
      params: { count: toDecide },
    });
  }
  return items;
}
