// Pure rules of enrolment: who may enrol, where they land, the waitlist order and overlaps.
import { jstDateString } from "~/lib/jst";
import { completionOutcome, type AttendanceDay, type MakeUpFacts } from "./attendance";
export const SESSION_TRACKS = ["basic-group", "practical"] as const;
export type SessionTrack = (typeof SESSION_TRACKS)[number];
export const CERTIFICATE_TRACKS = ["basic-ondemand", "basic-group", "practical"] as const;
export type CertificateTrack = (typeof CERTIFICATE_TRACKS)[number];

export type Refusal =
  | "session-cancelled"
  | "window-not-open"
  | "window-closed"
  | "prerequisites-missing"
  | "already-enrolled"
  | "already-waitlisted"
  | "session-over";

export interface SessionFacts {
  status: string;
  opensAt: Date;
  closesAt: Date;
  /** The first day's start. */
  startsAt: Date | null;
}

/** Why the trainee may not enrol now, or null when they may. */
export function refusalFor(s: SessionFacts, now: Date, current: string | null, prerequisitesMet: boolean): Refusal | null {
  if (s.status === "cancelled") return "session-cancelled";
  if (current === "enrolled") return "already-enrolled";
  if (current === "waitlisted") return "already-waitlisted";
  if (s.startsAt && s.startsAt <= now) return "session-over";
  if (now < s.opensAt) return "window-not-open";
  if (now > s.closesAt) return "window-closed";
  if (!prerequisitesMet) return "prerequisites-missing";
  return null;
}

/** Where a new enrolment lands: a seat while one is free, else the waitlist. */
export function placement(capacity: number, enrolledCount: number): "enrolled" | "waitlisted" {
  return enrolledCount < capacity ? "enrolled" : "waitlisted";
}

export interface Queued {
  id: number;
  queuedAt: Date;
}

/** Waitlist order: first come (queuedAt), then the row id (assigned under the session lock). */
export function waitlistOrder<T extends Queued>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.id - b.id);
}

/** 1-based place of a row in the waitlist, or null. */
export function waitlistPlace(rows: Queued[], id: number): number | null {
  const i = waitlistOrder(rows).findIndex((r) => r.id === id);
  return i < 0 ? null : i + 1;
}

/** How many waitlisted trainees move up when seats free: the first ones, up to the free seats. */
export function toPromote<T extends Queued>(waitlisted: T[], capacity: number, enrolledCount: number): T[] {
  return waitlistOrder(waitlisted).slice(0, Math.max(0, capacity - enrolledCount));
}

export interface Prior {
  track: string;
  fiscalYear: number;
  revoked: boolean;
}

/** Why a trainee may take practical training without this platform's 基礎研修（後期） certificate. */
export const EXEMPTION_KINDS = ["experience", "statutory-training"] as const;
export type ExemptionKind = (typeof EXEMPTION_KINDS)[number];

/**
 * Default prerequisites: a group session needs the year's on-demand track complete; practical
 * training needs the 基礎研修（後期） certificate (basic-group, this year or an earlier year, not
 * revoked) — no other track's certificate, and attendance alone is not a certificate — or an
 * exemption recorded by the committee (experience, statutory training already done).
 */
export function prerequisitesMet(
  track: string,
  fiscalYear: number,
  rule: string,
  facts: { onDemandComplete: boolean; certificates: Prior[]; exempt?: boolean },
): boolean {
  if (rule === "none") return true;
  const has = (t: string, pred: (fy: number) => boolean) =>
    facts.certificates.some((c) => !c.revoked && c.track === t && pred(c.fiscalYear));
  if (track === "basic-group") return facts.onDemandComplete || has("basic-ondemand", (fy) => fy === fiscalYear);
  if (track === "practical") return !!facts.exempt || has("basic-group", (fy) => fy <= fiscalYear);
  return true;
}

// ---- Attendance, completion and capacity ----

/** The JST calendar day of an instant, as "YYYY-MM-DD" (sortable). */
export function jstDay(at: Date): string {
  return jstDateString(at);
}

/** Attendance for a day can be recorded only on or after that day (JST calendar day). */
export function attendanceOpen(dayStartsAt: Date, now: Date): boolean {
  return jstDay(now) >= jstDay(dayStartsAt);
}

export type CompletionRefusal =
  "session-cancelled" | "not-enrolled" | "not-held-yet" | "days-missing" | "minutes-missing" | "case-not-accepted" | "already-issued";

export interface CompletionFacts {
  sessionStatus: string;
  enrolmentStatus: string;
  /** Each day's start and end, whether the trainee attended it, and the minutes late and left early. */
  days: AttendanceDay[];
  /** The session's completion rule: minutes that may be missed (null or absent: 10% of the total). */
  allowedMissedMinutes?: number | null;
  /** Make-ups (補講) assigned to the trainee, and whether each was done. */
  makeUps?: MakeUpFacts[];
  /** A reasoned exception recorded by the committee (completion without every day attended). */
  exception: boolean;
  /** The session's case work (practical training): false while the trainee's case is not accepted; absent or true otherwise. */
  caseWorkAccepted?: boolean;
  certificateExists: boolean;
}

/**
 * Whether the trainee has completed the session and may be issued its certificate: the session is
 * held (its last day has come), the minutes missed (days absent, late arrivals, early leaves) are within the
 * completion rule, or make-ups done bring them within it (or the committee recorded an exception), and the
 * session's case work, where it has an assignment, was accepted by a facilitator.
 */
export function completionRefusal(f: CompletionFacts, now: Date): CompletionRefusal | null {
  if (f.certificateExists) return "already-issued";
  if (f.sessionStatus === "cancelled") return "session-cancelled";
  if (f.enrolmentStatus !== "enrolled") return "not-enrolled";
  if (f.days.length === 0 || !f.days.every((d) => attendanceOpen(d.startsAt, now))) return "not-held-yet";
  if (!f.exception && completionOutcome(f.days, f.allowedMissedMinutes, f.makeUps ?? []).outcome === "incomplete")
    return f.days.every((d) => d.attended) ? "minutes-missing" : "days-missing";
  if (f.caseWorkAccepted === false) return "case-not-accepted";
  return null;
}

/**
 * Lowering the capacity below the number enrolled: everyone enrolled keeps their seat (nobody is
 * moved off a session they were promised); the waitlist does not move until seats free below the
 * new capacity. The change must be confirmed; this says how many are beyond the new capacity.
 */
export function beyondCapacity(capacity: number, enrolled: number): number {
  return Math.max(0, enrolled - capacity);
}

export interface Span {
  start: Date;
  end: Date;
}

/** True when any day of one overlaps any day of the other. */
export function overlaps(a: Span[], b: Span[]): boolean {
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
}

/** Seats left (never below 0). */
export function seatsLeft(capacity: number, enrolled: number): number {
  return Math.max(0, capacity - enrolled);
}
