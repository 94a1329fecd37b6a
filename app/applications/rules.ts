// The rules of applications (issue 20), pure so they can be tested without a database: which state an
// application shows, whether a round takes applications, and the committee's proposed selection.

/** What a round asks; "attachment" offers the optional file (推薦書 and the like). */
export const QUESTIONS = ["experience", "role", "statutory", "learn", "attachment"] as const;
export type Question = (typeof QUESTIONS)[number];

export const STATUTORY = ["none", "initial", "refresher"] as const;

/** What the committee's selection table can be narrowed to. */
export const SELECTION_FILTERS = ["all", "endorsed", "direct", "declined", "withdrawn", "proposed", "not-proposed"] as const;
export type SelectionFilter = (typeof SELECTION_FILTERS)[number];

export const TRACKS = ["basic-ondemand", "basic-group", "practical"] as const;

export type StoredStatus =
  "awaiting-endorsement" | "submitted" | "endorsed" | "declined" | "withdrawn" | "accepted" | "rejected" | "waitlisted";

/** What the applicant (and everyone else) sees: 選考中 once the round has closed and decisions are not sent yet. */
export type ShownStatus = StoredStatus | "in-selection";

export function shownStatus(status: string, round: { closesAt: Date; decisionsSentAt: Date | null }, now: Date): ShownStatus {
  const s = status as StoredStatus;
  if (!round.decisionsSentAt && now >= round.closesAt && (s === "submitted" || s === "endorsed")) return "in-selection";
  return s;
}

export function roundOpen(round: { opensAt: Date; closesAt: Date }, now: Date): boolean {
  return now >= round.opensAt && now < round.closesAt;
}

/** The application is still with the committee's choice (not withdrawn, not declined by the office). */
export function inSelection(a: { status: string }): boolean {
  return a.status === "submitted" || a.status === "endorsed" || a.status === "awaiting-endorsement";
}

export interface Candidate {
  id: number;
  officeId: number | null;
  wardId: number | null;
  /** Already holds a certificate of the round's track, or said the statutory training is done. */
  trained: boolean;
  yearsExperience: number | null;
  endorsementRank: number | null;
  submittedAt: Date;
  override: "accept" | "reject" | null;
}

/**
 * The proposed order (published priorities): not yet trained first; then years of experience (more first);
 * then a balance of offices and wards — among equals, an applicant whose office (then ward) has fewer already
 * placed goes first; then the office's own rank; then who applied first. Greedy: each pick updates the counts.
 */
export function priorityOrder(candidates: Candidate[]): Candidate[] {
  const left = [...candidates];
  const out: Candidate[] = [];
  const byOffice = new Map<number, number>();
  const byWard = new Map<number, number>();
  const count = (m: Map<number, number>, k: number | null) => (k === null ? 0 : (m.get(k) ?? 0));
  const key = (c: Candidate): number[] => [
    c.trained ? 1 : 0,
    -(c.yearsExperience ?? 0),
    count(byOffice, c.officeId),
    count(byWard, c.wardId),
    c.endorsementRank ?? Number.MAX_SAFE_INTEGER,
    c.submittedAt.getTime(),
    c.id,
  ];
  const less = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
    return false;
  };
  while (left.length) {
    let best = 0;
    for (let i = 1; i < left.length; i++) if (less(key(left[i]), key(left[best]))) best = i;
    const [c] = left.splice(best, 1);
    out.push(c);
    if (c.officeId !== null) byOffice.set(c.officeId, count(byOffice, c.officeId) + 1);
    if (c.wardId !== null) byWard.set(c.wardId, count(byWard, c.wardId) + 1);
  }
  return out;
}

export interface Selection {
  /** In priority order. */
  proposed: number[];
  /** After the committee's changes: accepted (never more than the places), then the waitlist in order, then refused. */
  accepted: number[];
  waitlisted: number[];
  rejected: number[];
}

/**
 * The selection: the proposal fills the places in priority order; the committee's changes then move an
 * applicant in ("accept", taking a place before any proposed one) or out ("reject", never waitlisted).
 * Whoever is left without a place is waitlisted in priority order.
 */
export function select(candidates: Candidate[], places: number): Selection {
  const order = priorityOrder(candidates);
  const proposed = order.slice(0, Math.max(0, places)).map((c) => c.id);
  const forced = order.filter((c) => c.override === "accept");
  const rest = order.filter((c) => c.override === null);
  const rejected = order.filter((c) => c.override === "reject").map((c) => c.id);
  const queue = [...forced, ...rest];
  const accepted = queue.slice(0, Math.max(0, places)).map((c) => c.id);
  const waitlisted = queue.slice(Math.max(0, places)).map((c) => c.id);
  return { proposed, accepted, waitlisted, rejected };
}
