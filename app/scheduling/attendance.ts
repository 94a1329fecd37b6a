// Attendance in minutes (issue 20): late arrival and early leave per day, make-ups (補講) and the completion
// rule that says how much of a session may be missed. Pure: no database, no clock.

/** The share of a session's total minutes that may be missed when the committee set no figure of its own. */
export const DEFAULT_ALLOWED_SHARE = 0.1;

export interface AttendanceDay {
  startsAt: Date;
  endsAt: Date;
  attended: boolean;
  /** Minutes late on the day (0 when not recorded). */
  lateMinutes?: number;
  /** Minutes left early on the day (0 when not recorded). */
  earlyMinutes?: number;
}

export interface MakeUpFacts {
  minutes: number;
  done: boolean;
}

export type CompletionOutcome = "complete" | "complete-after-make-up" | "incomplete";

/** A day's length in whole minutes. */
export function dayLength(d: { startsAt: Date; endsAt: Date }): number {
  return Math.max(0, Math.round((d.endsAt.getTime() - d.startsAt.getTime()) / 60_000));
}

/** Why late and early minutes for a day are not acceptable, or null: whole numbers, 0 to the day's length, together at most the day. */
export function minutesProblem(late: number, early: number, length: number): "not-whole" | "out-of-range" | "exceeds-day" | null {
  if (!Number.isInteger(late) || !Number.isInteger(early)) return "not-whole";
  if (late < 0 || early < 0 || late > length || early > length) return "out-of-range";
  if (late + early > length) return "exceeds-day";
  return null;
}

/** The minutes a trainee may miss: the committee's figure for the session, else 10% of the total (rounded down). */
export function allowedMissed(totalMinutes: number, setting: number | null | undefined): number {
  return setting ?? Math.floor(totalMinutes * DEFAULT_ALLOWED_SHARE);
}

/** Minutes missed: the whole of every day not attended, the late and early minutes of every day attended. */
export function missedMinutes(days: AttendanceDay[]): number {
  return days.reduce(
    (sum, d) => sum + (d.attended ? Math.min(dayLength(d), (d.lateMinutes ?? 0) + (d.earlyMinutes ?? 0)) : dayLength(d)),
    0,
  );
}

export interface CompletionFigures {
  outcome: CompletionOutcome;
  total: number;
  missed: number;
  allowed: number;
  /** Minutes made up by make-ups marked done. */
  madeUp: number;
  /** Minutes still to be made up before the rule is met (0 when it is). */
  outstanding: number;
}

/**
 * The completion rule: complete when the minutes missed are within what may be missed; complete after make-up
 * when make-ups done bring what is still missing within it; incomplete otherwise (make-ups not yet done count
 * for nothing).
 */
export function completionOutcome(
  days: AttendanceDay[],
  allowedSetting: number | null | undefined,
  makeUps: MakeUpFacts[],
): CompletionFigures {
  const total = days.reduce((sum, d) => sum + dayLength(d), 0);
  const missed = missedMinutes(days);
  const allowed = allowedMissed(total, allowedSetting);
  const madeUp = makeUps.filter((m) => m.done).reduce((sum, m) => sum + m.minutes, 0);
  const outstanding = Math.max(0, missed - madeUp - allowed);
  const outcome: CompletionOutcome = missed <= allowed ? "complete" : outstanding === 0 ? "complete-after-make-up" : "incomplete";
  return { outcome, total, missed, allowed, madeUp, outstanding };
}
