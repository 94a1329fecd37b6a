// The committee's roster of one session, for the page, the sign-in sheet and the CSV, and what the
// committee does on it (check-in, no-shows, completion and certificates), with its access rules.
import { logRead, type Reader } from "~/audit/audit.server";
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { notFound } from "~/auth/permissions.server";
import { caseRequirementsMet } from "~/cases/cases.server";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { now as clockNow } from "~/lib/clock";
import { attendanceOpen, completionRefusal, jstDay, waitlistOrder, type CompletionRefusal } from "./rules";
import { completeAndIssue, attendanceDays, sessionInclude, setAttendance, setNoShow } from "./scheduling.server";
import { completionOutcome } from "./attendance";
import { assignMakeUp, setCompletionRule, setMakeUpDone, setMinutes, type AttendanceWriteError } from "./attendance.server";

/** A session (with its days) by its id in the URL, for the edit page; 404 when absent. */
export async function sessionById(raw: string | undefined) {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const s = await prisma.trainingSession.findUnique({ where: { id }, include: sessionInclude });
  if (!s) throw notFound();
  const enrolled = await prisma.sessionEnrollment.count({ where: { sessionId: id, status: "enrolled" } });
  return { ...s, enrolled };
}

interface RosterRow {
  id: number;
  userId: number;
  status: string;
  queuedAt: Date;
  noShow: boolean;
  displayName: string;
  email: string;
  officeName: string | null;
  attendance: { dayId: number; lateMinutes: number; earlyMinutes: number }[];
  /** Only for an enrolled trainee (as the make-ups and the certificate below). */
  exceptionReason: string | null;
  makeUps: { id: number; what: string; minutes: number; dueOn: Date; carried: boolean; doneAt: Date | null }[];
  certificate: { id: number; serial: string; verificationCode: string; revokedAt: Date | null } | null;
}

type RosterRowJson = Omit<RosterRow, "makeUps" | "certificate"> & {
  makeUps: { id: number; what: string; minutes: number; dueOn: string; carried: boolean; doneAt: string | null }[];
  certificateId: number | null;
  serial: string | null;
  verificationCode: string | null;
  revokedAt: Date | null;
};

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The session's enrolments, in queue order, with each trainee's name, e-mail and office, attendance, and (for the
 * enrolled) completion exception, make-ups and certificate of the session's track and year, in one statement
 * (issue 13: were seven — the enrolments, users, offices, attendance, exceptions, make-ups and certificates).
 */
async function rosterRows(s: { id: number; track: string; fiscalYear: number }) {
  const raw = await prisma.$queryRaw<RosterRowJson[]>`
    SELECT e."id", e."userId", e."status", e."queuedAt", e."noShow",
           u."displayName", u."email", o."name" AS "officeName",
           COALESCE((SELECT json_agg(json_build_object('dayId', a."dayId", 'lateMinutes', a."lateMinutes",
                                                       'earlyMinutes', a."earlyMinutes") ORDER BY a."id")
                       FROM "SessionAttendance" a WHERE a."enrollmentId" = e."id"), '[]'::json) AS "attendance",
           x."reason" AS "exceptionReason",
           CASE WHEN e."status" = 'enrolled' THEN COALESCE((
             SELECT json_agg(json_build_object('id', m."id", 'what', m."what", 'minutes', m."minutes",
                                               'dueOn', to_char(m."dueOn", ${Prisma.raw(ISO)}), 'carried', m."carried",
                                               'doneAt', to_char(m."doneAt", ${Prisma.raw(ISO)})) ORDER BY m."id")
               FROM "MakeUp" m WHERE m."enrollmentId" = e."id"), '[]'::json) ELSE '[]'::json END AS "makeUps",
           c."id" AS "certificateId", c."serial", c."verificationCode", c."revokedAt"
      FROM "SessionEnrollment" e
      JOIN "User" u ON u."id" = e."userId"
      LEFT JOIN "Office" o ON o."id" = u."officeId"
      LEFT JOIN "CompletionException" x ON x."enrollmentId" = e."id" AND e."status" = 'enrolled'
      LEFT JOIN "Certificate" c
        ON c."userId" = e."userId" AND c."track" = ${s.track} AND c."fiscalYear" = ${s.fiscalYear} AND e."status" = 'enrolled'
     WHERE e."sessionId" = ${s.id}
     ORDER BY e."queuedAt" ASC, e."id" ASC`;
  const rows: RosterRow[] = raw.map(({ certificateId, serial, verificationCode, revokedAt, makeUps, ...e }) => ({
    ...e,
    makeUps: makeUps.map((m) => ({ ...m, dueOn: new Date(m.dueOn), doneAt: m.doneAt === null ? null : new Date(m.doneAt) })),
    certificate: certificateId === null ? null : { id: certificateId, serial: serial!, verificationCode: verificationCode!, revokedAt },
  }));
  const pick = (status: string) => rows.filter((r) => r.status === status);
  return { enrolled: pick("enrolled"), waitlisted: waitlistOrder(pick("waitlisted")), cancelled: pick("cancelled") };
}

export async function loadRoster(raw: string | undefined, at: Date = clockNow()) {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const s = await prisma.trainingSession.findUnique({ where: { id }, include: sessionInclude });
  if (!s) throw notFound();
  const r = await rosterRows(s);
  const userIds = r.enrolled.map((e) => e.userId);
  const caseWork = await caseRequirementsMet(s.id, userIds);
  const row = (e: RosterRow) => {
    const c = e.certificate;
    const exception = e.exceptionReason === null ? undefined : { reason: e.exceptionReason };
    const attended = s.days.map((d) => e.attendance.some((a) => a.dayId === d.id));
    const days = attendanceDays(s.days, e.attendance);
    const own = e.makeUps;
    const makeUpFacts = own.map((m) => ({ minutes: m.minutes, done: !!m.doneAt }));
    const refusal: CompletionRefusal | null = completionRefusal(
      {
        sessionStatus: s.status,
        enrolmentStatus: e.status,
        days,
        allowedMissedMinutes: s.allowedMissedMinutes,
        makeUps: makeUpFacts,
        exception: !!exception,
        certificateExists: !!c,
        caseWorkAccepted: caseWork.get(e.userId),
      },
      at,
    );
    return {
      id: e.id,
      userId: e.userId,
      name: e.displayName,
      email: e.email,
      office: e.officeName ?? "",
      status: e.status,
      queuedAt: e.queuedAt,
      noShow: e.noShow,
      attended,
      /** Per day: minutes late and minutes left early (0 when not recorded). */
      late: days.map((d) => d.lateMinutes),
      early: days.map((d) => d.earlyMinutes),
      /** The completion rule's figures for this trainee (minutes missed, allowed, made up, outstanding). */
      figures: completionOutcome(days, s.allowedMissedMinutes, makeUpFacts),
      makeUps: own.map((m) => ({ id: m.id, what: m.what, minutes: m.minutes, dueOn: m.dueOn, carried: m.carried, done: !!m.doneAt })),
      /** Why completion cannot be recorded now (null: it can). "days-missing" can be overridden with a reason. */
      completion: refusal,
      exceptionReason: exception?.reason ?? null,
      certificate: c ? { id: c.id, serial: c.serial, verificationCode: c.verificationCode, revoked: !!c.revokedAt } : null,
    };
  };
  return {
    session: s,
    /** Per day: whether attendance can be recorded yet (on or after the day, JST). */
    dayOpen: s.days.map((d) => attendanceOpen(d.startsAt, at)),
    /** The first day's JST date, from when check-in opens. */
    opensOn: s.days[0] ? jstDay(s.days[0].startsAt) : null,
    /** The completion rule as the committee set it (null: the default, 10% of the total). */
    allowedMissedMinutes: s.allowedMissedMinutes,
    enrolled: r.enrolled.map(row),
    waitlisted: r.waitlisted.map(row),
    cancelled: r.cancelled.map(row),
  };
}

const rosterForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.enum(["check-in", "undo-check-in"]),
    enrollmentId: z.coerce.number().int().positive(),
    dayId: z.coerce.number().int().positive(),
  }),
  z.object({ intent: z.enum(["no-show", "clear-no-show"]), enrollmentId: z.coerce.number().int().positive() }),
  z.object({
    intent: z.literal("minutes"),
    enrollmentId: z.coerce.number().int().positive(),
    dayId: z.coerce.number().int().positive(),
    lateMinutes: z.string().optional(),
    earlyMinutes: z.string().optional(),
  }),
  z.object({
    intent: z.literal("make-up"),
    enrollmentId: z.coerce.number().int().positive(),
    what: z.string().optional(),
    minutes: z.string().optional(),
    dueOn: z.string().optional(),
  }),
  z.object({
    intent: z.enum(["make-up-done", "make-up-undone"]),
    enrollmentId: z.coerce.number().int().positive(),
    makeUpId: z.coerce.number().int().positive(),
  }),
  z.object({ intent: z.literal("rule"), allowedMissedMinutes: z.string().optional() }),
  z.object({
    intent: z.literal("issue"),
    enrollmentId: z.coerce.number().int().positive(),
    exceptionReason: z.string().trim().max(1000).optional().default(""),
  }),
]);

export type RosterActionResult =
  | { ok: true; intent: string; name: string; serial?: string }
  | {
      ok: false;
      intent: string;
      name?: string;
      reason: CompletionRefusal | "not-found" | "not-yet" | "certificate-issued" | "exception-reason-required" | "invalid" | "attendance";
      enrollmentId?: number;
      /** With reason "attendance": the message key of what was wrong in the minutes, the make-up or the rule. */
      error?: AttendanceWriteError;
    };

/** One action of the committee on a session's roster. The caller has checked the role. */
export async function rosterAction(actorId: number, rawSessionId: string | undefined, form: FormData): Promise<RosterActionResult> {
  const r = await loadRoster(rawSessionId);
  const parsed = rosterForm.safeParse(Object.fromEntries(form));
  const intent = String(form.get("intent") ?? "");
  if (!parsed.success) return { ok: false, intent, reason: "invalid" };
  const input = parsed.data;
  if (input.intent === "rule") {
    const out = await setCompletionRule(actorId, r.session.id, input);
    return out.ok ? { ok: true, intent, name: "" } : { ok: false, intent, reason: "attendance", error: out.error };
  }
  const e = r.enrolled.find((x) => x.id === input.enrollmentId);
  if (!e) return { ok: false, intent, reason: "not-found" };
  if (input.intent === "check-in" || input.intent === "undo-check-in") {
    const out = await setAttendance(e.id, input.dayId, input.intent === "check-in", actorId);
    if (!out.ok) return { ok: false, intent, name: e.name, reason: out.reason, enrollmentId: e.id };
    await audit({
      actorId,
      action: `scheduling.${input.intent}`,
      entityType: "SessionEnrollment",
      entityId: e.id,
      summary: `day ${input.dayId}`,
    });
    return { ok: true, intent, name: e.name };
  }
  if (input.intent === "no-show" || input.intent === "clear-no-show") {
    await setNoShow(e.id, input.intent === "no-show");
    await audit({ actorId, action: `scheduling.${input.intent}`, entityType: "SessionEnrollment", entityId: e.id });
    return { ok: true, intent, name: e.name };
  }
  if (input.intent === "minutes" || input.intent === "make-up" || input.intent === "make-up-done" || input.intent === "make-up-undone") {
    const out =
      input.intent === "minutes"
        ? await setMinutes(actorId, e.id, input.dayId, input)
        : input.intent === "make-up"
          ? await assignMakeUp(actorId, e.id, input)
          : await setMakeUpDone(actorId, e.id, input.makeUpId, input.intent === "make-up-done");
    return out.ok
      ? { ok: true, intent, name: e.name }
      : { ok: false, intent, name: e.name, reason: "attendance", error: out.error, enrollmentId: e.id };
  }
  if (input.intent !== "issue") return { ok: false, intent, reason: "invalid" };
  const out = await completeAndIssue(e.id, actorId, { exceptionReason: input.exceptionReason });
  if (!out.ok) return { ok: false, intent, name: e.name, reason: out.reason, enrollmentId: e.id };
  return { ok: true, intent, name: e.name, serial: out.certificate.serial };
}

/** The access log of a roster view (issue 19): one entry per enrolled trainee whose attendance and completion it shows. */
export async function logRosterRead(reader: Reader, r: Awaited<ReturnType<typeof loadRoster>>, what: string) {
  await logRead(
    reader,
    "scheduling.roster.read",
    r.enrolled.map((e) => ({
      entityType: "SessionEnrollment",
      entityId: e.id,
      subjectUserId: e.userId,
      summary: `session ${r.session.id} ${what}`,
    })),
  );
}
