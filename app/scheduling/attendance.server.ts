// What the committee records about attendance as it happens (issue 20): minutes late and left early on a day,
// make-ups (補講) and the session's completion rule. Each write is validated here and audited. The caller
// (the roster's action) has checked the role and found the enrolment on the session.
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { now as clockNow } from "~/lib/clock";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { parseJstDate } from "~/lib/jst";
import { dayLength, minutesProblem } from "./attendance";

export type AttendanceWriteError =
  | "attendance.error.minutes"
  | "attendance.error.exceedsDay"
  | "attendance.error.notCheckedIn"
  | "attendance.error.what"
  | "attendance.error.makeUpMinutes"
  | "attendance.error.dueOn"
  | "attendance.error.dueYear"
  | "attendance.error.rule"
  | "attendance.error.certificate"
  | "attendance.error.notFound";

type Out = { ok: true } | { ok: false; error: AttendanceWriteError };

const minute = z.coerce
  .number()
  .int()
  .min(0)
  .max(24 * 60);
export const minutesForm = z.object({ lateMinutes: minute, earlyMinutes: minute });

/** Sets the minutes late and left early of a trainee checked in on a day (0 to the day's length, together at most the day). */
export async function setMinutes(actorId: number, enrollmentId: number, dayId: number, raw: Record<string, unknown>): Promise<Out> {
  const parsed = minutesForm.safeParse({ lateMinutes: raw.lateMinutes || 0, earlyMinutes: raw.earlyMinutes || 0 });
  if (!parsed.success) return { ok: false, error: "attendance.error.minutes" };
  const { lateMinutes, earlyMinutes } = parsed.data;
  const a = await prisma.sessionAttendance.findUnique({
    where: { enrollmentId_dayId: { enrollmentId, dayId } },
    include: { day: true, enrollment: { include: { session: true } } },
  });
  if (!a) return { ok: false, error: "attendance.error.notCheckedIn" };
  const problem = minutesProblem(lateMinutes, earlyMinutes, dayLength(a.day));
  if (problem) return { ok: false, error: problem === "exceeds-day" ? "attendance.error.exceedsDay" : "attendance.error.minutes" };
  if (await certificateIssued(a.enrollment.userId, a.enrollment.session)) return { ok: false, error: "attendance.error.certificate" };
  await prisma.sessionAttendance.update({ where: { id: a.id }, data: { lateMinutes, earlyMinutes } });
  await audit({
    actorId,
    action: "attendance.minutes",
    entityType: "SessionEnrollment",
    entityId: enrollmentId,
    summary: `day ${dayId}: late ${a.lateMinutes}→${lateMinutes}, early ${a.earlyMinutes}→${earlyMinutes}`,
  });
  return { ok: true };
}

async function certificateIssued(userId: number, s: { track: string; fiscalYear: number }) {
  return !!(await prisma.certificate.findFirst({ where: { userId, track: s.track, fiscalYear: s.fiscalYear, revokedAt: null } }));
}

const makeUpForm = z.object({
  what: z.string().trim().min(1).max(500),
  minutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(100 * 60),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/**
 * Assigns a make-up for a missed part: what, how many minutes it makes up, and by when — within the session's
 * fiscal year, or carried into the next (marked so); not before today.
 */
export async function assignMakeUp(
  actorId: number,
  enrollmentId: number,
  raw: Record<string, unknown>,
  at: Date = clockNow(),
): Promise<Out> {
  const parsed = makeUpForm.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0].path[0];
    return {
      ok: false,
      error: field === "what" ? "attendance.error.what" : field === "minutes" ? "attendance.error.makeUpMinutes" : "attendance.error.dueOn",
    };
  }
  const e = await prisma.sessionEnrollment.findUnique({ where: { id: enrollmentId }, include: { session: true } });
  if (!e) return { ok: false, error: "attendance.error.notFound" };
  const due = parseJstDate(parsed.data.dueOn);
  if (!due) return { ok: false, error: "attendance.error.dueOn" };
  const dueFy = fiscalYearOf(due);
  if (dueFy < e.session.fiscalYear || dueFy > e.session.fiscalYear + 1 || due.getTime() < at.getTime() - 86_400_000)
    return { ok: false, error: "attendance.error.dueYear" };
  const m = await prisma.makeUp.create({
    data: {
      enrollmentId,
      what: parsed.data.what,
      minutes: parsed.data.minutes,
      dueOn: due,
      carried: dueFy > e.session.fiscalYear,
      createdById: actorId,
    },
  });
  await audit({
    actorId,
    action: "attendance.makeup.assign",
    entityType: "MakeUp",
    entityId: m.id,
    summary: `enrolment ${enrollmentId}: ${m.minutes} min by ${parsed.data.dueOn}${m.carried ? " (carried)" : ""}: ${m.what}`.slice(
      0,
      2000,
    ),
  });
  return { ok: true };
}

/** Marks a make-up of the enrolment done (or not done again, while no certificate rests on it). */
export async function setMakeUpDone(
  actorId: number,
  enrollmentId: number,
  makeUpId: number,
  done: boolean,
  at: Date = clockNow(),
): Promise<Out> {
  const m = await prisma.makeUp.findUnique({ where: { id: makeUpId }, include: { enrollment: { include: { session: true } } } });
  if (!m || m.enrollmentId !== enrollmentId) return { ok: false, error: "attendance.error.notFound" };
  if (!done && (await certificateIssued(m.enrollment.userId, m.enrollment.session)))
    return { ok: false, error: "attendance.error.certificate" };
  await prisma.makeUp.update({ where: { id: m.id }, data: done ? { doneAt: at, doneById: actorId } : { doneAt: null, doneById: null } });
  await audit({ actorId, action: done ? "attendance.makeup.done" : "attendance.makeup.undone", entityType: "MakeUp", entityId: m.id });
  return { ok: true };
}

const ruleForm = z.object({ allowedMissedMinutes: z.union([z.literal(""), z.coerce.number().int().min(0).max(100_000)]) });

/** The session's completion rule: minutes that may be missed in total (empty: the default, 10% of the total). */
export async function setCompletionRule(actorId: number, sessionId: number, raw: Record<string, unknown>): Promise<Out> {
  const parsed = ruleForm.safeParse({ allowedMissedMinutes: String(raw.allowedMissedMinutes ?? "").trim() });
  if (!parsed.success) return { ok: false, error: "attendance.error.rule" };
  const v = parsed.data.allowedMissedMinutes === "" ? null : parsed.data.allowedMissedMinutes;
  const before = await prisma.trainingSession.findUnique({ where: { id: sessionId }, select: { allowedMissedMinutes: true } });
  if (!before) return { ok: false, error: "attendance.error.notFound" };
  await prisma.trainingSession.update({ where: { id: sessionId }, data: { allowedMissedMinutes: v } });
  await audit({
    actorId,
    action: "attendance.rule",
    entityType: "TrainingSession",
    entityId: sessionId,
    summary: `allowed missed minutes: ${before.allowedMissedMinutes ?? "default"} → ${v ?? "default"}`,
  });
  return { ok: true };
}
