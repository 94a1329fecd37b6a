import { describe, expect, it } from "vitest";
import {
  attendanceOpen,
  beyondCapacity,
  completionRefusal,
  jstDay,
  overlaps,
  placement,
  prerequisitesMet,
  refusalFor,
  toPromote,
  waitlistOrder,
  waitlistPlace,
} from "./rules";

const d = (s: string) => new Date(s);

describe("waitlist", () => {
  const rows = [
    { id: 5, queuedAt: d("2026-11-01T00:00:02Z") },
    { id: 3, queuedAt: d("2026-11-01T00:00:01Z") },
    { id: 9, queuedAt: d("2026-11-01T00:00:01Z") },
    { id: 1, queuedAt: d("2026-11-01T00:00:03Z") },
  ];
  it("orders first come first served, ties by id", () => {
    expect(waitlistOrder(rows).map((r) => r.id)).toEqual([3, 9, 5, 1]);
    expect(waitlistPlace(rows, 5)).toBe(3);
    expect(waitlistPlace(rows, 42)).toBeNull();
  });
  it("promotes the first ones up to the free seats", () => {
    expect(toPromote(rows, 10, 9).map((r) => r.id)).toEqual([3]);
    expect(toPromote(rows, 10, 8).map((r) => r.id)).toEqual([3, 9]);
    expect(toPromote(rows, 10, 10)).toEqual([]);
    expect(toPromote(rows, 10, 12)).toEqual([]);
  });
  it("places into a seat until full", () => {
    expect(placement(2, 1)).toBe("enrolled");
    expect(placement(2, 2)).toBe("waitlisted");
  });
});

describe("refusals", () => {
  const s = {
    status: "scheduled",
    opensAt: d("2026-11-01T00:00:00Z"),
    closesAt: d("2026-11-30T00:00:00Z"),
    startsAt: d("2026-12-05T00:00:00Z"),
  };
  const now = d("2026-11-23T00:00:00Z");
  it("gives the reason", () => {
    expect(refusalFor(s, now, null, true)).toBeNull();
    expect(refusalFor({ ...s, status: "cancelled" }, now, null, true)).toBe("session-cancelled");
    expect(refusalFor(s, d("2026-10-01T00:00:00Z"), null, true)).toBe("window-not-open");
    expect(refusalFor(s, d("2026-12-01T00:00:00Z"), null, true)).toBe("window-closed");
    expect(refusalFor(s, now, null, false)).toBe("prerequisites-missing");
    expect(refusalFor(s, now, "enrolled", true)).toBe("already-enrolled");
    expect(refusalFor(s, now, "waitlisted", true)).toBe("already-waitlisted");
    expect(refusalFor(s, now, "cancelled", true)).toBeNull();
  });
});

describe("prerequisites", () => {
  const none = { onDemandComplete: false, certificates: [] };
  it("group sessions need the year's on-demand track", () => {
    expect(prerequisitesMet("basic-group", 2026, "default", none)).toBe(false);
    expect(prerequisitesMet("basic-group", 2026, "default", { ...none, onDemandComplete: true })).toBe(true);
    expect(prerequisitesMet("basic-group", 2026, "none", none)).toBe(true);
  });
  it("practical needs the 基礎研修（後期） certificate (this or an earlier year) or an exemption", () => {
    expect(prerequisitesMet("practical", 2026, "default", none)).toBe(false);
    expect(prerequisitesMet("practical", 2026, "default", { ...none, exempt: true })).toBe(true);
    // No other track's certificate satisfies it.
    for (const track of ["basic-ondemand", "practical"])
      expect(prerequisitesMet("practical", 2026, "default", { ...none, certificates: [{ track, fiscalYear: 2025, revoked: false }] })).toBe(
        false,
      );
    expect(
      prerequisitesMet("practical", 2026, "default", {
        ...none,
        certificates: [{ track: "basic-group", fiscalYear: 2023, revoked: false }],
      }),
    ).toBe(true);
    expect(
      prerequisitesMet("practical", 2026, "default", {
        ...none,
        certificates: [{ track: "basic-group", fiscalYear: 2023, revoked: true }],
      }),
    ).toBe(false);
    expect(
      prerequisitesMet("practical", 2026, "default", {
        ...none,
        certificates: [{ track: "basic-group", fiscalYear: 2027, revoked: false }],
      }),
    ).toBe(false);
    expect(prerequisitesMet("practical", 2026, "default", { ...none, onDemandComplete: true })).toBe(false);
  });
});

describe("overlaps", () => {
  it("detects overlapping days only", () => {
    const a = [{ start: d("2026-12-01T00:00:00Z"), end: d("2026-12-01T03:00:00Z") }];
    expect(overlaps(a, [{ start: d("2026-12-01T02:00:00Z"), end: d("2026-12-01T05:00:00Z") }])).toBe(true);
    expect(overlaps(a, [{ start: d("2026-12-01T03:00:00Z"), end: d("2026-12-01T05:00:00Z") }])).toBe(false);
  });
});

describe("attendance and completion", () => {
  // A day of 10:00–16:00 JST on 2027-01-15 (01:00Z–07:00Z).
  const day = { startsAt: d("2027-01-15T01:00:00Z"), endsAt: d("2027-01-15T07:00:00Z") };
  it("opens attendance on the day in JST, not before", () => {
    expect(jstDay(d("2027-01-14T14:59:59Z"))).toBe("2027-01-14");
    expect(jstDay(d("2027-01-14T15:00:00Z"))).toBe("2027-01-15");
    expect(attendanceOpen(day.startsAt, d("2027-01-14T14:59:59Z"))).toBe(false); // 23:59:59 JST the day before
    expect(attendanceOpen(day.startsAt, d("2027-01-14T15:00:00Z"))).toBe(true); // 00:00 JST on the day
    expect(attendanceOpen(day.startsAt, d("2027-03-01T00:00:00Z"))).toBe(true);
  });
  const facts = {
    sessionStatus: "scheduled",
    enrolmentStatus: "enrolled",
    days: [
      { ...day, attended: true },
      { startsAt: d("2027-01-22T01:00:00Z"), endsAt: d("2027-01-22T07:00:00Z"), attended: true },
    ],
    exception: false,
    certificateExists: false,
  };
  const after = d("2027-01-23T00:00:00Z");
  it("completes only after the last day with every day attended, or with the committee's exception", () => {
    expect(completionRefusal(facts, after)).toBeNull();
    expect(completionRefusal(facts, d("2027-01-20T00:00:00Z"))).toBe("not-held-yet");
    const missed = { ...facts, days: [facts.days[0], { ...facts.days[1], attended: false }] };
    expect(completionRefusal(missed, after)).toBe("days-missing");
    expect(completionRefusal({ ...missed, exception: true }, after)).toBeNull();
    // An exception does not make a session held before its day.
    expect(completionRefusal({ ...missed, exception: true }, d("2027-01-20T00:00:00Z"))).toBe("not-held-yet");
    expect(completionRefusal({ ...facts, certificateExists: true }, after)).toBe("already-issued");
    expect(completionRefusal({ ...facts, sessionStatus: "cancelled" }, after)).toBe("session-cancelled");
    expect(completionRefusal({ ...facts, enrolmentStatus: "waitlisted" }, after)).toBe("not-enrolled");
    expect(completionRefusal({ ...facts, days: [] }, after)).toBe("not-held-yet");
  });
  it("counts those enrolled beyond a lowered capacity", () => {
    expect(beyondCapacity(10, 12)).toBe(2);
    expect(beyondCapacity(12, 12)).toBe(0);
    expect(beyondCapacity(20, 12)).toBe(0);
  });
});
