import { describe, expect, it } from "vitest";
import { inSelection, priorityOrder, roundOpen, select, shownStatus, type Candidate } from "./rules";

const d = (s: string) => new Date(s);
const round = { opensAt: d("2026-04-01T00:00:00Z"), closesAt: d("2026-05-01T00:00:00Z"), decisionsSentAt: null as Date | null };

const cand = (id: number, over: Partial<Candidate> = {}): Candidate => ({
  id,
  officeId: null,
  wardId: null,
  trained: false,
  yearsExperience: 5,
  endorsementRank: null,
  submittedAt: d("2026-04-10T00:00:00Z"),
  override: null,
  ...over,
});
const ids = (cs: Candidate[]) => cs.map((c) => c.id);

describe("shown status", () => {
  it("is 選考中 for submitted and endorsed applications from the close until the decisions are sent", () => {
    expect(shownStatus("submitted", round, d("2026-05-01T00:00:00Z"))).toBe("in-selection");
    expect(shownStatus("endorsed", round, d("2026-06-01T00:00:00Z"))).toBe("in-selection");
  });
  it("is the stored status before the close, after the decisions, and for any other status", () => {
    expect(shownStatus("submitted", round, d("2026-04-30T23:59:59Z"))).toBe("submitted");
    expect(shownStatus("endorsed", { ...round, decisionsSentAt: d("2026-05-10T00:00:00Z") }, d("2026-06-01T00:00:00Z"))).toBe("endorsed");
    expect(shownStatus("withdrawn", round, d("2026-06-01T00:00:00Z"))).toBe("withdrawn");
    expect(shownStatus("awaiting-endorsement", round, d("2026-06-01T00:00:00Z"))).toBe("awaiting-endorsement");
  });
});

describe("round open", () => {
  it("takes applications from the opening instant up to, not including, the close", () => {
    expect(roundOpen(round, d("2026-03-31T23:59:59Z"))).toBe(false);
    expect(roundOpen(round, d("2026-04-01T00:00:00Z"))).toBe(true);
    expect(roundOpen(round, d("2026-04-30T23:59:59Z"))).toBe(true);
    expect(roundOpen(round, d("2026-05-01T00:00:00Z"))).toBe(false);
  });
});

describe("in selection", () => {
  it("holds submitted, endorsed and awaiting-endorsement applications only", () => {
    expect(["submitted", "endorsed", "awaiting-endorsement"].map((status) => inSelection({ status }))).toEqual([true, true, true]);
    expect(["withdrawn", "declined", "accepted", "rejected", "waitlisted", ""].map((status) => inSelection({ status }))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("priority order", () => {
  it("puts the not yet trained first, whatever their experience", () => {
    expect(ids(priorityOrder([cand(1, { trained: true, yearsExperience: 20 }), cand(2, { yearsExperience: 1 })]))).toEqual([2, 1]);
    expect(ids(priorityOrder([cand(2, { yearsExperience: 1 }), cand(1, { trained: true, yearsExperience: 20 })]))).toEqual([2, 1]);
  });
  it("then more years of experience first; no answer counts as none", () => {
    expect(
      ids(priorityOrder([cand(1, { yearsExperience: 2 }), cand(2, { yearsExperience: 9 }), cand(3, { yearsExperience: null })])),
    ).toEqual([2, 1, 3]);
    expect(ids(priorityOrder([cand(3, { yearsExperience: null }), cand(4, { yearsExperience: -1 })]))).toEqual([3, 4]);
  });
  it("then spreads the places over offices: the second of an office waits behind the first of another", () => {
    const cs = [cand(1, { officeId: 10 }), cand(2, { officeId: 10 }), cand(3, { officeId: 20 })];
    expect(ids(priorityOrder(cs))).toEqual([1, 3, 2]);
  });
  it("then over wards, after offices", () => {
    const cs = [cand(1, { wardId: 7, officeId: 1 }), cand(2, { wardId: 7, officeId: 2 }), cand(3, { wardId: 8, officeId: 3 })];
    expect(ids(priorityOrder(cs))).toEqual([1, 3, 2]);
    // The office balance comes before the ward balance.
    const office = [cand(1, { officeId: 1, wardId: 7 }), cand(2, { officeId: 1, wardId: 8 }), cand(3, { officeId: 2, wardId: 7 })];
    expect(ids(priorityOrder(office))).toEqual([1, 3, 2]);
  });
  it("does not count applicants without an office or ward as one office", () => {
    const cs = [cand(1), cand(2), cand(3, { officeId: 5, wardId: 5 })];
    expect(ids(priorityOrder(cs))).toEqual([1, 2, 3]);
  });
  it("then the office's own rank (unranked last), then who applied first, then the id", () => {
    expect(ids(priorityOrder([cand(1, { endorsementRank: 2 }), cand(2, { endorsementRank: 1 }), cand(3)]))).toEqual([2, 1, 3]);
    expect(
      ids(priorityOrder([cand(1, { submittedAt: d("2026-04-12T00:00:00Z") }), cand(2, { submittedAt: d("2026-04-11T00:00:00Z") })])),
    ).toEqual([2, 1]);
    expect(ids(priorityOrder([cand(9), cand(4), cand(6)]))).toEqual([4, 6, 9]);
  });
  it("keeps the given order between candidates that are equal in every respect", () => {
    const a = cand(1);
    const b = cand(1);
    const order = priorityOrder([a, b]);
    expect(order[0]).toBe(a);
    expect(order[1]).toBe(b);
  });
  it("keeps every candidate once and leaves the input as it was", () => {
    const cs = [cand(3), cand(1), cand(2)];
    expect(ids(priorityOrder(cs))).toEqual([1, 2, 3]);
    expect(ids(cs)).toEqual([3, 1, 2]);
    expect(priorityOrder([])).toEqual([]);
  });
});

describe("selection", () => {
  it("proposes the first ones in priority order up to the places and waitlists the rest in order", () => {
    const cs = [cand(1, { yearsExperience: 1 }), cand(2, { yearsExperience: 3 }), cand(3, { yearsExperience: 2 })];
    expect(select(cs, 2)).toEqual({ proposed: [2, 3], accepted: [2, 3], waitlisted: [1], rejected: [] });
  });
  it("puts an accepted override before any proposed applicant and never beyond the places", () => {
    const cs = [cand(1, { yearsExperience: 3 }), cand(2, { yearsExperience: 2 }), cand(3, { yearsExperience: 1, override: "accept" })];
    expect(select(cs, 2)).toEqual({ proposed: [1, 2], accepted: [3, 1], waitlisted: [2], rejected: [] });
  });
  it("takes a rejected applicant out, never waitlisted, and gives the place to the next", () => {
    const cs = [cand(1, { yearsExperience: 3, override: "reject" }), cand(2, { yearsExperience: 2 }), cand(3, { yearsExperience: 1 })];
    expect(select(cs, 1)).toEqual({ proposed: [1], accepted: [2], waitlisted: [3], rejected: [1] });
  });
  it("treats no places (or fewer than none) as none", () => {
    const cs = [cand(1), cand(2)];
    expect(select(cs, 0)).toEqual({ proposed: [], accepted: [], waitlisted: [1, 2], rejected: [] });
    expect(select(cs, -2)).toEqual({ proposed: [], accepted: [], waitlisted: [1, 2], rejected: [] });
  });
});
