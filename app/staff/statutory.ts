// The statutory training rule (issue 20, part 2), pure so it is tested without a database and shared with the
// browser. A 相談支援専門員 must complete the refresher training (現任研修) within every five fiscal years after
// the fiscal year of the initial training (初任者研修) or of the last refresher: with the initial training in
// FY N, a refresher is due by the end of FY N+5 (31 March of N+6, JST). A refresher taken within that window
// starts a new window from its own fiscal year; one taken after the window closed does not repair it (the person
// has lapsed and must be told so). Reminders go 12 and 3 months before the window closes.
import { fiscalYearOf, fiscalYearRange } from "~/lib/fiscal-year";
import { jstDateString, jstInstant, jstParts } from "~/lib/jst";

/** Fiscal years a window lasts after the year it starts from. */
export const REFRESHER_WINDOW_YEARS = 5;

/** Months before the deadline that each reminder goes (the stages of StatutoryReminder). */
export const REMINDER_STAGES = [
  { stage: "12m", months: 12 },
  { stage: "3m", months: 3 },
] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number]["stage"];

/** 主任相談支援専門員: not one, in training, certified. */
export const CHIEF_STATUSES = ["none", "training", "certified"] as const;
export type ChiefStatus = (typeof CHIEF_STATUSES)[number];

export type StatutoryState = "no-record" | "ok" | "soon" | "urgent" | "lapsed";

export interface RefresherDeadline {
  /** The fiscal year the current window counts from (the initial training's or the last refresher's in time). */
  baseFiscalYear: number;
  /** The last fiscal year in which the refresher may be completed. */
  deadlineFiscalYear: number;
  /** The first instant after the window (1 April 00:00 JST after the deadline's fiscal year). */
  endsAt: Date;
  /** The last day of the window (YYYY-MM-DD, JST). */
  lastDay: string;
  /** A refresher came too late, or none came before endsAt: the window has closed. */
  lapsed: boolean;
}

/** A person's statutory training as pages show it. */
export interface StatutoryView {
  initialFiscalYear: number | null;
  initialEvidence: string;
  chiefStatus: ChiefStatus;
  chiefEvidence: string;
  refreshers: { id: number; completedOn: string; evidence: string }[];
  deadlineFiscalYear: number | null;
  lastDay: string | null;
  state: StatutoryState;
}

/** `months` calendar months before an instant that falls on the first of a month at 00:00 JST. */
export function monthsBefore(at: Date, months: number): Date {
  const p = jstParts(at);
  const index = p.year * 12 + (p.month - 1) - months;
  return jstInstant(Math.floor(index / 12), (index % 12) + 1, p.day);
}

/**
 * The refresher deadline of a record, judged at `now`: null without an initial training year. Refreshers before
 * the initial training's fiscal year do not count; a refresher after a window closed leaves the person lapsed.
 */
export function refresherDeadline(
  record: { initialFiscalYear: number | null; refresherDates: readonly Date[] },
  now: Date,
): RefresherDeadline | null {
  if (record.initialFiscalYear === null) return null;
  let base = record.initialFiscalYear;
  let lapsed = false;
  const years = record.refresherDates.map(fiscalYearOf).sort((a, b) => a - b);
  for (const fy of years) {
    if (fy < base) continue;
    if (fy > base + REFRESHER_WINDOW_YEARS) {
      lapsed = true;
      break;
    }
    base = fy;
  }
  const deadlineFiscalYear = base + REFRESHER_WINDOW_YEARS;
  const endsAt = fiscalYearRange(deadlineFiscalYear).end;
  if (now >= endsAt) lapsed = true;
  return { baseFiscalYear: base, deadlineFiscalYear, endsAt, lastDay: jstDateString(new Date(endsAt.getTime() - 1)), lapsed };
}

/** When each reminder of a deadline is due (12 and 3 months before the window closes). */
export function reminderTimes(deadline: Pick<RefresherDeadline, "endsAt">): { stage: ReminderStage; at: Date }[] {
  return REMINDER_STAGES.map((s) => ({ stage: s.stage, at: monthsBefore(deadline.endsAt, s.months) }));
}

/**
 * The reminder due at `now`, if any: the latest stage whose time has come while the window is still open
 * (a person whose 12-month time passed unseen gets the 3-month one once that comes, not both at once).
 */
export function dueReminder(deadline: RefresherDeadline | null, now: Date): ReminderStage | null {
  if (!deadline || deadline.lapsed || now >= deadline.endsAt) return null;
  const due = reminderTimes(deadline).filter((r) => now >= r.at);
  return due.length ? due[due.length - 1].stage : null;
}

/** How near the deadline is: ok, soon (within 12 months), urgent (within 3 months), lapsed; no-record without one. */
export function statutoryState(deadline: RefresherDeadline | null, now: Date): StatutoryState {
  if (!deadline) return "no-record";
  if (deadline.lapsed) return "lapsed";
  const stage = dueReminder(deadline, now);
  return stage === "3m" ? "urgent" : stage === "12m" ? "soon" : "ok";
}

/** Whether a state asks the manager's attention (shown first on /office/staff). */
export function needsAttention(state: StatutoryState): boolean {
  return state === "soon" || state === "urgent" || state === "lapsed";
}
