// Sessions, enrolment with a waitlist, attendance, completion and notifications.
// Capacity: every change of a session's seats runs in one transaction that first locks the session
// row (SELECT … FOR UPDATE), so concurrent enrolments are serialised per session and never overbook.
import { randomBytes } from "node:crypto";
import { audit } from "~/audit/audit.server";
import { claimFormKey } from "~/lib/form-key.server";
import { jstDateInput, type ParsedSession, type SessionFormOptions } from "./session-form";
import type { Locale } from "~/i18n";
import { findModule, goalOptions, learningGoalCodes } from "~/training/content.server";
import { sha256Hex } from "~/auth/crypto.server";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { fiscalYearLabelJa, jstParts } from "~/lib/fiscal-year";
import { jstInstant } from "~/lib/jst";
import { caseRequirementMet } from "~/cases/cases.server";
import { now as clockNow } from "~/lib/clock";
import { deliver, notify as sendNotice } from "~/mail/notify.server";
import {
  attendanceOpen,
  beyondCapacity,
  completionRefusal,
  overlaps,
  placement,
  prerequisitesMet,
  refusalFor,
  seatsLeft,
  toPromote,
  waitlistPlace,
  type CompletionRefusal,
  type Prior,
  type Refusal,
} from "./rules";
import { inLocale } from "~/i18n";

type Tx = Prisma.TransactionClient;

export const sessionInclude = { days: { orderBy: { startsAt: "asc" } } } satisfies Prisma.TrainingSessionInclude;
export type SessionWithDays = Prisma.TrainingSessionGetPayload<{ include: typeof sessionInclude }>;

export function sessionTitle(s: { titleJa: string; titleEn: string }, locale: string) {
  return inLocale(locale, s.titleJa, s.titleEn);
}

// ---- Completion facts ----

/** The year's on-demand track is complete: every module of the year's curriculum completed. */
export async function onDemandComplete(userId: number, fiscalYear: number): Promise<boolean> {
  // The year's curriculum with whether the trainee completed each module, in one statement (was two: the
  // curriculum, then a count of the completed modules among it). Modules no longer in the content do not count.
  const rows = await prisma.$queryRaw<{ slug: string; done: boolean }[]>`
    SELECT c."slug",
           EXISTS (SELECT 1 FROM "ModuleProgress" p WHERE p."userId" = ${userId} AND p."slug" = c."slug" AND p."completedAt" IS NOT NULL) AS "done"
      FROM "CurriculumModule" c
     WHERE c."fiscalYear" = ${fiscalYear}`;
  const curriculum = rows.filter((r) => !!findModule(r.slug));
  return curriculum.length > 0 && curriculum.every((r) => r.done);
}

/** Attended every day of some (not cancelled) session of the track in the year. */
export async function attendedTrack(userId: number, track: string, fiscalYear: number): Promise<boolean> {
  const rows = await prisma.sessionEnrollment.findMany({
    where: { userId, status: "enrolled", session: { track, fiscalYear, status: "scheduled" } },
    include: { attendance: true, session: { include: { days: true } } },
  });
  return rows.some((r) => r.session.days.length > 0 && r.session.days.every((d) => r.attendance.some((a) => a.dayId === d.id)));
}

type PrerequisiteSession = { track: string; fiscalYear: number; prerequisite: string };

/**
 * The enrolment prerequisite (rules.ts `prerequisitesMet`) for one trainee and several sessions: the facts are read
 * once (certificates, exemptions, the on-demand track of each fiscal year concerned), then the rule is applied per
 * session. The session page, enrolment and the session list all use it, so they cannot disagree.
 */
export async function prerequisiteChecker(
  userId: number,
  sessions: PrerequisiteSession[],
  known?: { certificates?: Prior[]; onDemandComplete?: (fiscalYear: number) => Promise<boolean> },
): Promise<(s: PrerequisiteSession) => boolean> {
  const needs = sessions.filter((s) => s.prerequisite !== "none");
  if (needs.length === 0) return () => true;
  const groupYears = [...new Set(needs.filter((s) => s.track === "basic-group").map((s) => s.fiscalYear))];
  const [onDemand, exemptions, certificates] = await Promise.all([
    Promise.all(
      groupYears.map(
        async (fy) => [fy, await (known?.onDemandComplete ? known.onDemandComplete(fy) : onDemandComplete(userId, fy))] as const,
      ),
    ),
    needs.some((s) => s.track === "practical")
      ? prisma.prerequisiteExemption.count({ where: { userId, revokedAt: null } })
      : Promise.resolve(0),
    known?.certificates ??
      prisma.certificate
        .findMany({ where: { userId }, select: { track: true, fiscalYear: true, revokedAt: true } })
        .then((rows) => rows.map((c) => ({ track: c.track, fiscalYear: c.fiscalYear, revoked: !!c.revokedAt }))),
  ]);
  const onDemandBy = new Map(onDemand);
  return (s) =>
    prerequisitesMet(s.track, s.fiscalYear, s.prerequisite, {
      onDemandComplete: onDemandBy.get(s.fiscalYear) ?? false,
      exempt: exemptions > 0,
      certificates,
    });
}

export async function prerequisitesFor(userId: number, s: PrerequisiteSession) {
  return (await prerequisiteChecker(userId, [s]))(s);
}

// ---- Notifications (in-app + outbox mail) ----

export type NotificationKind =
  "enrolled" | "waitlisted" | "promoted" | "reminder" | "session-cancelled" | "enrolment-cancelled" | "certificate";

interface NotifyArgs {
  userId: number;
  kind: NotificationKind;
  sessionId?: number;
  title: string;
  /** The session's English title, shown to English readers (notices keep both; text is chosen per reader). */
  titleEn?: string;
  /** For a certificate: the fiscal year, shown as 令和8年度 / FY2026 in the reader's language. */
  fiscalYear?: number;
  when?: Date | null;
  place?: number | null;
  dedupeKey?: string;
}

/** Creates the in-app notification and queues the mail; with a dedupeKey, a second call does nothing. */
export async function notify(args: NotifyArgs): Promise<boolean> {
  // Text, language and absolute links: the one notice helper (app/mail/notify.server.ts).
  const id = await sendNotice(prisma, {
    userId: args.userId,
    key: `scheduling.notify.${args.kind}`,
    kind: args.kind,
    link: args.sessionId ? `/sessions/${args.sessionId}` : null,
    titleJa: args.title,
    titleEn: args.titleEn,
    fiscalYear: args.fiscalYear,
    when: args.when ?? null,
    place: args.place ?? null,
    dedupeKey: args.dedupeKey,
  });
  await deliver([id]);
  return id !== null;
}

// ---- Enrolment ----

export type EnrolResult =
  | { ok: true; status: "enrolled" | "waitlisted"; place: number | null; overlapsWith: string[] }
  | { ok: false; reason: Refusal | "not-found" };

async function lockSession(tx: Tx, sessionId: number) {
  await tx.$queryRaw`SELECT id FROM "TrainingSession" WHERE id = ${sessionId} FOR UPDATE`;
  return tx.trainingSession.findUnique({ where: { id: sessionId }, include: sessionInclude });
}

async function placeInWaitlist(tx: Tx, sessionId: number, enrollmentId: number) {
  const rows = await tx.sessionEnrollment.findMany({ where: { sessionId, status: "waitlisted" }, select: { id: true, queuedAt: true } });
  return waitlistPlace(rows, enrollmentId);
}

/** Titles of the sessions (the trainee is enrolled in) that overlap this one. */
export async function overlapping(userId: number, session: SessionWithDays, locale = "ja"): Promise<string[]> {
  // The other scheduled sessions the trainee is enrolled in, with their days (two statements; through the
  // enrolments it was three).
  const mine = await prisma.trainingSession.findMany({
    where: { id: { not: session.id }, status: "scheduled", enrollments: { some: { userId, status: "enrolled" } } },
    include: sessionInclude,
    orderBy: { id: "asc" },
  });
  const span = (days: { startsAt: Date; endsAt: Date }[]) => days.map((d) => ({ start: d.startsAt, end: d.endsAt }));
  return mine.filter((s) => overlaps(span(s.days), span(session.days))).map((s) => sessionTitle(s, locale));
}

export async function enrol(userId: number, sessionId: number, now = clockNow()): Promise<EnrolResult> {
  const before = await prisma.trainingSession.findUnique({ where: { id: sessionId }, include: sessionInclude });
  if (!before) return { ok: false, reason: "not-found" };
  // Fast path: a refusal that the lock cannot change (already in, cancelled, outside the window) needs no lock.
  const current = await prisma.sessionEnrollment.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { status: true },
  });
  const facts = { status: before.status, opensAt: before.opensAt, closesAt: before.closesAt, startsAt: before.days[0]?.startsAt ?? null };
  const early = refusalFor(facts, now, current?.status ?? null, true);
  if (early) return { ok: false, reason: early };
  const prereq = await prerequisitesFor(userId, before);
  if (!prereq) return { ok: false, reason: "prerequisites-missing" };
  const result = await prisma.$transaction(
    async (tx): Promise<EnrolResult & { enrollmentId?: number }> => {
      const s = await lockSession(tx, sessionId);
      if (!s) return { ok: false, reason: "not-found" };
      const existing = await tx.sessionEnrollment.findUnique({ where: { sessionId_userId: { sessionId, userId } } });
      const refusal = refusalFor(
        { status: s.status, opensAt: s.opensAt, closesAt: s.closesAt, startsAt: s.days[0]?.startsAt ?? null },
        now,
        existing?.status ?? null,
        prereq,
      );
      if (refusal) return { ok: false, reason: refusal };
      const enrolled = await tx.sessionEnrollment.count({ where: { sessionId, status: "enrolled" } });
      const status = placement(s.capacity, enrolled);
      const data = {
        status,
        queuedAt: clockNow(),
        enrolledAt: status === "enrolled" ? clockNow() : null,
        cancelledAt: null,
        noShow: false,
      };
      const row = existing
        ? await tx.sessionEnrollment.update({ where: { id: existing.id }, data })
        : await tx.sessionEnrollment.create({ data: { sessionId, userId, ...data } });
      const place = status === "waitlisted" ? await placeInWaitlist(tx, sessionId, row.id) : null;
      await audit(
        {
          actorId: userId,
          action: "scheduling.enrol",
          entityType: "SessionEnrollment",
          entityId: row.id,
          summary: `session ${sessionId}: ${status}${place ? ` #${place}` : ""}`,
        },
        tx,
      );
      return { ok: true, status, place, overlapsWith: [], enrollmentId: row.id };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
  if (!result.ok) return result;
  const overlapsWith = await overlapping(userId, before);
  await notify({
    userId,
    kind: result.status,
    sessionId,
    title: before.titleJa,
    titleEn: before.titleEn,
    when: before.days[0]?.startsAt,
    place: result.place,
  });
  return { ok: true, status: result.status, place: result.place, overlapsWith };
}

/**
 * Places the committee's selection (issue 20) in a session, inside the caller's transaction: the accepted
 * are enrolled (the selection never exceeds the places it was given) and the others waitlisted in the given
 * order, behind anyone already waiting. Under the session's lock, audited per enrolment like `enrol`. Unlike a
 * trainee's own enrolment, the session's enrolment window does not apply: the committee decided.
 */
export async function enrolSelected(tx: Tx, sessionId: number, accepted: number[], waitlisted: number[], byId: number) {
  const s = await lockSession(tx, sessionId);
  if (!s || s.status !== "scheduled") return;
  const base = clockNow().getTime();
  const place = async (userId: number, status: "enrolled" | "waitlisted", i: number) => {
    const at = new Date(base + i);
    const data = { status, queuedAt: at, enrolledAt: status === "enrolled" ? at : null, cancelledAt: null, noShow: false };
    const existing = await tx.sessionEnrollment.findUnique({ where: { sessionId_userId: { sessionId, userId } } });
    if (existing?.status === "enrolled") return;
    const row = existing
      ? await tx.sessionEnrollment.update({ where: { id: existing.id }, data })
      : await tx.sessionEnrollment.create({ data: { sessionId, userId, ...data } });
    await audit(
      {
        actorId: byId,
        action: "scheduling.enrol",
        entityType: "SessionEnrollment",
        entityId: row.id,
        summary: `session ${sessionId}: ${status} (selected)`,
      },
      tx,
    );
  };
  let i = 0;
  for (const userId of accepted) await place(userId, "enrolled", i++);
  for (const userId of waitlisted) await place(userId, "waitlisted", i++);
}

/** Frees the trainee's seat (or waitlist place); the first waitlisted trainee takes a freed seat and is told. */
export async function cancelEnrolment(userId: number, sessionId: number): Promise<{ ok: boolean; promoted: number[] }> {
  const out = await prisma.$transaction(
    async (tx) => {
      const s = await lockSession(tx, sessionId);
      if (!s) return null;
      const existing = await tx.sessionEnrollment.findUnique({ where: { sessionId_userId: { sessionId, userId } } });
      if (!existing || existing.status === "cancelled") return null;
      await tx.sessionEnrollment.update({ where: { id: existing.id }, data: { status: "cancelled", cancelledAt: clockNow() } });
      const promoted = s.status === "scheduled" ? await promoteWaitlisted(tx, s) : [];
      const summary = `session ${sessionId}${promoted.length ? `; from the waitlist: user ${promoted.join(", ")}` : ""}`;
      await audit({ actorId: userId, action: "scheduling.cancel", entityType: "SessionEnrollment", entityId: existing.id, summary }, tx);
      return { session: s, promoted };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
  if (!out) return { ok: false, promoted: [] };
  await notify({
    userId,
    kind: "enrolment-cancelled",
    sessionId,
    title: out.session.titleJa,
    titleEn: out.session.titleEn,
    when: out.session.days[0]?.startsAt,
  });
  for (const id of out.promoted)
    await notify({
      userId: id,
      kind: "promoted",
      sessionId,
      title: out.session.titleJa,
      titleEn: out.session.titleEn,
      when: out.session.days[0]?.startsAt,
    });
  return { ok: true, promoted: out.promoted };
}

/** Under the session lock: moves the first waitlisted trainees into free seats; returns their user ids. */
async function promoteWaitlisted(tx: Tx, s: { id: number; capacity: number }): Promise<number[]> {
  const [enrolled, waitlisted] = await Promise.all([
    tx.sessionEnrollment.count({ where: { sessionId: s.id, status: "enrolled" } }),
    tx.sessionEnrollment.findMany({ where: { sessionId: s.id, status: "waitlisted" } }),
  ]);
  const moving = toPromote(waitlisted, s.capacity, enrolled);
  for (const r of moving) await tx.sessionEnrollment.update({ where: { id: r.id }, data: { status: "enrolled", enrolledAt: clockNow() } });
  return moving.map((r) => r.userId);
}

// ---- The committee's side ----

/** What the committee's session form yields (parsed and validated in session-form.ts). */
export type SessionInput = ParsedSession;

export async function createSession(input: SessionInput, byId: number | null) {
  const { days, ...rest } = input;
  return prisma.trainingSession.create({ data: { ...rest, createdById: byId, days: { create: days } } });
}

/** The committee's form: creates a session once per rendered form (`formKey`: app/lib/form-key.server.ts), else null. */
export async function createSessionOnce(input: SessionInput, byId: number, formKey: string | null) {
  const { days, ...rest } = input;
  return prisma.$transaction(async (tx) => {
    if (!(await claimFormKey(tx, formKey, "scheduling.session.create", byId))) return null;
    return tx.trainingSession.create({ data: { ...rest, createdById: byId, days: { create: days } } });
  });
}

/** How many enrolled trainees a new capacity would leave beyond it (0: none). */
export async function enrolledBeyond(id: number, capacity: number): Promise<number> {
  const enrolled = await prisma.sessionEnrollment.count({ where: { sessionId: id, status: "enrolled" } });
  return beyondCapacity(capacity, enrolled);
}

export type UpdateSessionResult = { ok: true; promoted: number[]; beyond: number } | { ok: false; beyond: number } | null;

/**
 * Saves a session. Raising the capacity moves waitlisted trainees into the new seats. Lowering it
 * below the number enrolled needs `confirmBeyond`: everyone enrolled keeps their seat (see
 * `beyondCapacity`), and the waitlist waits until seats free below the new capacity.
 */
export async function updateSession(id: number, input: SessionInput, opts: { confirmBeyond?: boolean } = {}): Promise<UpdateSessionResult> {
  const { days, ...rest } = input;
  const out = await prisma.$transaction(async (tx) => {
    const s = await lockSession(tx, id);
    if (!s) return null;
    const enrolled = await tx.sessionEnrollment.count({ where: { sessionId: id, status: "enrolled" } });
    const beyond = beyondCapacity(rest.capacity, enrolled);
    if (beyond > 0 && rest.capacity < s.capacity && !opts.confirmBeyond) return { ok: false as const, beyond };
    await tx.trainingSession.update({ where: { id }, data: rest });
    // Days: keep a day (and its attendance) when its position is kept, else replace.
    const old = s.days;
    for (let i = 0; i < Math.max(old.length, days.length); i++) {
      if (i < old.length && i < days.length) await tx.sessionDay.update({ where: { id: old[i].id }, data: days[i] });
      else if (i < days.length) await tx.sessionDay.create({ data: { sessionId: id, ...days[i] } });
      else await tx.sessionDay.delete({ where: { id: old[i].id } });
    }
    const promoted = s.status === "scheduled" ? await promoteWaitlisted(tx, { id, capacity: rest.capacity }) : [];
    return { ok: true as const, promoted, beyond };
  });
  if (out?.ok)
    for (const userId of out.promoted)
      await notify({ userId, kind: "promoted", sessionId: id, title: input.titleJa, titleEn: input.titleEn, when: days[0]?.startsAt });
  return out;
}

export async function cancelSession(id: number, reason: string) {
  const s = await prisma.$transaction(async (tx) => {
    const s = await lockSession(tx, id);
    if (!s || s.status === "cancelled") return null;
    await tx.trainingSession.update({ where: { id }, data: { status: "cancelled", cancelReason: reason } });
    return s;
  });
  if (!s) return 0;
  const people = await prisma.sessionEnrollment.findMany({ where: { sessionId: id, status: { in: ["enrolled", "waitlisted"] } } });
  for (const p of people)
    await notify({
      userId: p.userId,
      kind: "session-cancelled",
      sessionId: id,
      title: s.titleJa,
      titleEn: s.titleEn,
      when: s.days[0]?.startsAt,
    });
  return people.length;
}

export async function sessionCounts(sessionIds: number[]) {
  const rows = await prisma.sessionEnrollment.groupBy({
    by: ["sessionId", "status"],
    where: { sessionId: { in: sessionIds } },
    _count: { _all: true },
  });
  const out = new Map<number, { enrolled: number; waitlisted: number; cancelled: number }>();
  for (const id of sessionIds) out.set(id, { enrolled: 0, waitlisted: 0, cancelled: 0 });
  for (const r of rows) out.get(r.sessionId)![r.status as "enrolled"] = r._count._all;
  return out;
}

export { seatsLeft };

export type AttendanceResult = { ok: true } | { ok: false; reason: "not-found" | "not-yet" | "certificate-issued" };

/**
 * Sets a trainee's check-in for one day. Only on or after the day (JST); never issues anything.
 * Undoing a check-in is refused once the session's certificate is issued (revoke it first).
 */
export async function setAttendance(
  enrollmentId: number,
  dayId: number,
  present: boolean,
  byId: number | null,
  at: Date = clockNow(),
): Promise<AttendanceResult> {
  const e = await prisma.sessionEnrollment.findUnique({ where: { id: enrollmentId }, include: { session: { include: { days: true } } } });
  const day = e?.session.days.find((d) => d.id === dayId);
  if (!e || e.status !== "enrolled" || !day) return { ok: false, reason: "not-found" };
  if (!attendanceOpen(day.startsAt, at)) return { ok: false, reason: "not-yet" };
  if (present) {
    await prisma.sessionAttendance.upsert({
      where: { enrollmentId_dayId: { enrollmentId, dayId } },
      create: { enrollmentId, dayId, checkedInById: byId, checkedInAt: at },
      update: {},
    });
    if (e.noShow) await prisma.sessionEnrollment.update({ where: { id: enrollmentId }, data: { noShow: false } });
  } else {
    const cert = await prisma.certificate.findFirst({
      where: { userId: e.userId, track: e.session.track, fiscalYear: e.session.fiscalYear, revokedAt: null },
    });
    if (cert) return { ok: false, reason: "certificate-issued" };
    await prisma.sessionAttendance.deleteMany({ where: { enrollmentId, dayId } });
  }
  return { ok: true };
}

export async function setNoShow(enrollmentId: number, noShow: boolean) {
  return prisma.sessionEnrollment.update({ where: { id: enrollmentId }, data: { noShow } });
}

// ---- Completion and certificates ----

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function newVerificationCode(): string {
  const bytes = randomBytes(12);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

export const SERIAL_PREFIX: Record<string, string> = { "basic-ondemand": "K1", "basic-group": "K2", practical: "J" };

export function formatSerial(fiscalYear: number, track: string, n: number): string {
  return `${fiscalYear}-${SERIAL_PREFIX[track] ?? "X"}-${String(n).padStart(5, "0")}`;
}

/**
 * The next number of a (year, track), inside the caller's transaction. The upsert locks the counter
 * row until the transaction ends, so concurrent issues queue, and a rolled-back issue gives its number
 * back: serials run in order without gaps or duplicates. A new counter starts after the highest serial
 * already on record for that year and track.
 */
async function nextSerial(tx: Tx, fiscalYear: number, track: string): Promise<string> {
  const pattern = `^${fiscalYear}-${SERIAL_PREFIX[track] ?? "X"}-[0-9]+$`;
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "CertificateSerialCounter" ("fiscalYear", "track", "last")
    VALUES (${fiscalYear}, ${track}, (
      SELECT COALESCE(MAX(CAST(substring(serial from '([0-9]+)$') AS integer)), 0) + 1
      FROM "Certificate" WHERE "fiscalYear" = ${fiscalYear} AND track = ${track} AND serial ~ ${pattern}
    ))
    ON CONFLICT ("fiscalYear", "track") DO UPDATE SET "last" = "CertificateSerialCounter"."last" + 1
    RETURNING "last"`;
  return formatSerial(fiscalYear, track, Number(rows[0].last));
}

export type IssueResult =
  | { ok: true; certificate: { id: number; serial: string; verificationCode: string } }
  | { ok: false; reason: CompletionRefusal | "not-found" | "exception-reason-required" };

interface IssueArgs {
  userId: number;
  track: string;
  fiscalYear: number;
  byId: number | null;
  sessionId?: number | null;
  issuedAt?: Date;
  /** The audit entry's action and summary. */
  auditAction: string;
  auditSummary?: string;
}

/**
 * Issues one certificate, audited in the same transaction, with the next serial. Refused (not
 * returned) when the trainee already holds one for the track and year.
 */
export async function issueCertificate(a: IssueArgs): Promise<IssueResult> {
  const issuedAt = a.issuedAt ?? clockNow();
  try {
    const cert = await prisma.$transaction(
      async (tx) => {
        const existing = await tx.certificate.findUnique({
          where: { userId_track_fiscalYear: { userId: a.userId, track: a.track, fiscalYear: a.fiscalYear } },
        });
        if (existing) return null;
        const serial = await nextSerial(tx, a.fiscalYear, a.track);
        const created = await tx.certificate.create({
          data: {
            userId: a.userId,
            track: a.track,
            fiscalYear: a.fiscalYear,
            issuedById: a.byId,
            issuedAt,
            serial,
            verificationCode: newVerificationCode(),
            sessionId: a.sessionId ?? null,
          },
        });
        await tx.auditLog.create({
          data: {
            actorId: a.byId,
            action: a.auditAction,
            entityType: "Certificate",
            entityId: String(created.id),
            summary: [serial, a.auditSummary].filter(Boolean).join(": ").slice(0, 2000),
          },
        });
        return created;
      },
      { timeout: 20_000, maxWait: 20_000 },
    );
    if (!cert) return { ok: false, reason: "already-issued" };
    await notify({
      userId: a.userId,
      kind: "certificate",
      title: fiscalYearLabelJa(a.fiscalYear),
      fiscalYear: a.fiscalYear,
      dedupeKey: `certificate:${cert.id}`,
    });
    return { ok: true, certificate: { id: cert.id, serial: cert.serial, verificationCode: cert.verificationCode } };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { ok: false, reason: "already-issued" };
    throw e;
  }
}

/** Everything the completion rule needs about one enrolment. */
/** Each day of a session with the trainee's attendance on it (attended, minutes late, minutes left early). */
export function attendanceDays(
  days: { id: number; startsAt: Date; endsAt: Date }[],
  attendance: { dayId: number; lateMinutes: number; earlyMinutes: number }[],
) {
  return days.map((d) => {
    const a = attendance.find((x) => x.dayId === d.id);
    return { startsAt: d.startsAt, endsAt: d.endsAt, attended: !!a, lateMinutes: a?.lateMinutes ?? 0, earlyMinutes: a?.earlyMinutes ?? 0 };
  });
}

async function completionFactsFor(enrollmentId: number) {
  const e = await prisma.sessionEnrollment.findUnique({
    where: { id: enrollmentId },
    include: { attendance: true, makeUps: true, session: { include: sessionInclude } },
  });
  if (!e) return null;
  const [exception, certificate, caseWorkAccepted] = await Promise.all([
    prisma.completionException.findUnique({ where: { enrollmentId } }),
    prisma.certificate.findUnique({
      where: { userId_track_fiscalYear: { userId: e.userId, track: e.session.track, fiscalYear: e.session.fiscalYear } },
    }),
    caseRequirementMet(e.userId, e.sessionId),
  ]);
  return {
    enrolment: e,
    facts: {
      sessionStatus: e.session.status,
      enrolmentStatus: e.status,
      days: attendanceDays(e.session.days, e.attendance),
      allowedMissedMinutes: e.session.allowedMissedMinutes,
      makeUps: e.makeUps.map((m) => ({ minutes: m.minutes, done: !!m.doneAt })),
      exception: !!exception,
      certificateExists: !!certificate,
      caseWorkAccepted,
    },
  };
}

/**
 * Records the trainee's completion of the session and issues its certificate: an explicit, audited
 * step of the committee. Refused (with the reason) before the last day, when a day was missed (unless
 * an exception with a reason is given now or was recorded), or when one was already issued.
 */
export async function completeAndIssue(
  enrollmentId: number,
  byId: number,
  opts: { exceptionReason?: string; at?: Date } = {},
): Promise<IssueResult> {
  const at = opts.at ?? clockNow();
  const found = await completionFactsFor(enrollmentId);
  if (!found) return { ok: false, reason: "not-found" };
  const { enrolment: e, facts } = found;
  const reason = opts.exceptionReason?.trim() ?? "";
  let refusal = completionRefusal(facts, at);
  if ((refusal === "days-missing" || refusal === "minutes-missing") && reason) {
    // The exception is recorded (and audited) only when everything else allows completion.
    await prisma.$transaction([
      prisma.completionException.upsert({
        where: { enrollmentId },
        create: { enrollmentId, reason, createdById: byId },
        update: { reason, createdById: byId },
      }),
      prisma.auditLog.create({
        data: {
          actorId: byId,
          action: "scheduling.completion.exception",
          entityType: "SessionEnrollment",
          entityId: String(enrollmentId),
          summary: reason.slice(0, 2000),
        },
      }),
    ]);
    refusal = completionRefusal({ ...facts, exception: true }, at);
  }
  if (refusal) return { ok: false, reason: refusal };
  return issueCertificate({
    userId: e.userId,
    track: e.session.track,
    fiscalYear: e.session.fiscalYear,
    byId,
    sessionId: e.sessionId,
    issuedAt: at,
    auditAction: "scheduling.certificate.issue",
    auditSummary: `session ${e.sessionId}${facts.exception || reason ? " (exception)" : ""}`,
  });
}

/**
 * The on-demand track (基礎研修 前期) completes without a session: the trainee asks for the
 * certificate once every module of the year's curriculum is complete (an explicit, audited POST).
 */
export async function claimOnDemandCertificate(userId: number, fiscalYear: number): Promise<IssueResult> {
  if (!(await onDemandComplete(userId, fiscalYear))) return { ok: false, reason: "days-missing" };
  return issueCertificate({
    userId,
    track: "basic-ondemand",
    fiscalYear,
    byId: userId,
    auditAction: "scheduling.certificate.issue-ondemand",
  });
}

export async function revokeCertificate(id: number, reason: string) {
  return prisma.certificate.update({ where: { id }, data: { revokedAt: clockNow(), revokeReason: reason } });
}

// ---- Reminders ----

/**
 * Reminds enrolled trainees of a session day that starts tomorrow (JST calendar day). Idempotent:
 * one reminder per enrolment and day, whatever the number of runs.
 */
export async function sendReminders(now = clockNow()): Promise<number> {
  const p = jstParts(now);
  const startOfTomorrow = jstInstant(p.year, p.month, p.day + 1);
  const endOfTomorrow = new Date(startOfTomorrow.getTime() + 24 * 3600_000);
  const days = await prisma.sessionDay.findMany({
    where: { startsAt: { gte: startOfTomorrow, lt: endOfTomorrow }, session: { status: "scheduled" } },
    include: { session: { include: { enrollments: { where: { status: "enrolled" } } } } },
  });
  let sent = 0;
  for (const d of days) {
    for (const e of d.session.enrollments) {
      if (
        await notify({
          userId: e.userId,
          kind: "reminder",
          sessionId: d.sessionId,
          title: d.session.titleJa,
          titleEn: d.session.titleEn,
          when: d.startsAt,
          dedupeKey: `reminder:${e.id}:${d.id}`,
        })
      )
        sent++;
    }
  }
  return sent;
}

// ---- Calendar feed tokens ----

export async function createFeedToken(userId: number): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await prisma.$transaction(async (tx) => {
    await tx.calendarFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: clockNow() } });
    const row = await tx.calendarFeedToken.create({ data: { userId, tokenHash: sha256Hex(token) } });
    await audit({ actorId: userId, action: "scheduling.feed.create", entityType: "CalendarFeedToken", entityId: row.id }, tx);
  });
  return token;
}

export async function revokeFeedTokens(userId: number) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.calendarFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: clockNow() } });
    if (count)
      await audit({ actorId: userId, action: "scheduling.feed.revoke", entityType: "User", entityId: userId, summary: `${count}` }, tx);
  });
}

export async function userForFeedToken(token: string) {
  const row = await prisma.calendarFeedToken.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { user: true } });
  return row && !row.revokedAt && row.user.active ? row.user : null;
}

// ── The session form's context ────────────────────────────────────────────────────────────────
/** What the committee's session form shows: every learning goal for the picker, and today (JST) to flag past dates. */
export function sessionFormContext(locale: Locale) {
  return { goals: goalOptions(locale), today: jstDateInput(clockNow()) };
}

/** The rules the form is parsed with: only existing learning goals; a new session's day before today needs confirming. */
export function sessionFormRules({ creating }: { creating: boolean }): SessionFormOptions {
  return { knownGoals: learningGoalCodes(), today: creating ? jstDateInput(clockNow()) : undefined };
}
