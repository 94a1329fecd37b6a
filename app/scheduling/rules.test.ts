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
  seatsLeft,
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

describe("scheduling rules the mutation run found unguarded", () => {
  const s = {
    status: "scheduled",
    opensAt: d("2026-11-01T00:00:00Z"),
    closesAt: d("2026-11-30T00:00:00Z"),
    startsAt: d("2026-12-05T00:00:00Z"),
  };
  it("takes enrolments from the opening instant to the closing instant inclusive, never once the session has begun", () => {
    expect(refusalFor(s, d("2026-11-01T00:00:00Z"), null, true)).toBeNull();
    expect(refusalFor(s, d("2026-10-31T23:59:59Z"), null, true)).toBe("window-not-open");
    expect(refusalFor(s, d("2026-11-30T00:00:00Z"), null, true)).toBeNull();
    expect(refusalFor(s, d("2026-11-30T00:00:01Z"), null, true)).toBe("window-closed");
    const late = { ...s, closesAt: d("2026-12-31T00:00:00Z") };
    expect(refusalFor(late, d("2026-12-05T00:00:00Z"), null, true)).toBe("session-over");
    expect(refusalFor(late, d("2026-12-04T23:59:59Z"), null, true)).toBeNull();
    expect(refusalFor({ ...late, startsAt: null }, d("2026-12-20T00:00:00Z"), null, true)).toBeNull();
    // The order of the reasons: cancelled before enrolled, enrolled before the window.
    expect(refusalFor({ ...s, status: "cancelled" }, d("2026-11-15T00:00:00Z"), "enrolled", true)).toBe("session-cancelled");
    expect(refusalFor(s, d("2026-12-20T00:00:00Z"), "waitlisted", false)).toBe("already-waitlisted");
    expect(refusalFor(s, d("2026-12-20T00:00:00Z"), null, false)).toBe("session-over");
  });
  it("places into a seat only while one is free", () => {
    expect(placement(2, 3)).toBe("waitlisted");
    expect(placement(0, 0)).toBe("waitlisted");
  });
  it("orders the waitlist whatever the input order, and leaves the input alone", () => {
    const rows = [
      { id: 2, queuedAt: d("2026-11-01T00:00:05Z") },
      { id: 8, queuedAt: d("2026-11-01T00:00:01Z") },
      { id: 4, queuedAt: d("2026-11-01T00:00:01Z") },
    ];
    expect(waitlistOrder(rows).map((r) => r.id)).toEqual([4, 8, 2]);
    expect(rows.map((r) => r.id)).toEqual([2, 8, 4]);
    expect(waitlistPlace(rows, 4)).toBe(1);
    expect(waitlistPlace(rows, 2)).toBe(3);
    expect(toPromote(rows, 3, 1).map((r) => r.id)).toEqual([4, 8]);
  });
  it("needs nothing for a track without a default prerequisite, and the group session's on-demand certificate of the same year", () => {
    const none = { onDemandComplete: false, certificates: [] };
    expect(prerequisitesMet("basic-ondemand", 2026, "default", none)).toBe(true);
    expect(prerequisitesMet("practical", 2026, "none", none)).toBe(true);
    const cert = (track: string, fiscalYear: number, revoked = false) => ({ ...none, certificates: [{ track, fiscalYear, revoked }] });
    expect(prerequisitesMet("basic-group", 2026, "default", cert("basic-ondemand", 2026))).toBe(true);
    expect(prerequisitesMet("basic-group", 2026, "default", cert("basic-ondemand", 2025))).toBe(false);
    expect(prerequisitesMet("basic-group", 2026, "default", cert("basic-ondemand", 2026, true))).toBe(false);
    expect(prerequisitesMet("basic-group", 2026, "default", cert("basic-group", 2026))).toBe(false);
    expect(prerequisitesMet("practical", 2026, "default", cert("basic-group", 2026))).toBe(true);
    expect(prerequisitesMet("practical", 2026, "default", { ...cert("basic-ondemand", 2025), exempt: false })).toBe(false);
  });
  it("counts touching days as not overlapping, either way round, and any pair of days", () => {
    const span = (a: string, b: string) => ({ start: d(a), end: d(b) });
    const x = [span("2026-12-01T00:00:00Z", "2026-12-01T03:00:00Z"), span("2026-12-08T00:00:00Z", "2026-12-08T03:00:00Z")];
    expect(overlaps(x, [span("2026-11-30T22:00:00Z", "2026-12-01T00:00:00Z")])).toBe(false);
    expect(overlaps(x, [span("2026-11-30T22:00:00Z", "2026-12-01T00:00:01Z")])).toBe(true);
    expect(overlaps(x, [span("2026-12-05T00:00:00Z", "2026-12-05T01:00:00Z"), span("2026-12-08T02:59:59Z", "2026-12-08T05:00:00Z")])).toBe(
      true,
    );
    expect(overlaps([], x)).toBe(false);
    expect(overlaps(x, [])).toBe(false);
  });
  it("counts seats left, never below zero", () => {
    expect(seatsLeft(10, 7)).toBe(3);
    expect(seatsLeft(10, 12)).toBe(0);
  });
  const day = (date: string, attended: boolean, lateMinutes = 0) => ({
    startsAt: d(`${date}T01:00:00Z`),
    endsAt: d(`${date}T07:00:00Z`),
    attended,
    lateMinutes,
  });
  const facts = { sessionStatus: "scheduled", enrolmentStatus: "enrolled", exception: false, certificateExists: false };
  const after = d("2027-02-01T00:00:00Z");
  it("refuses completion for minutes missed on days attended, accepts them within the rule or made up, and waits for the case work", () => {
    const days = [day("2027-01-15", true, 73), day("2027-01-22", true)];
    expect(completionRefusal({ ...facts, days }, after)).toBe("minutes-missing");
    expect(completionRefusal({ ...facts, days, allowedMissedMinutes: 73 }, after)).toBeNull();
    expect(completionRefusal({ ...facts, days, makeUps: [{ minutes: 1, done: true }] }, after)).toBeNull();
    expect(completionRefusal({ ...facts, days, makeUps: [{ minutes: 1, done: false }] }, after)).toBe("minutes-missing");
    expect(completionRefusal({ ...facts, days: [day("2027-01-15", true)], caseWorkAccepted: false }, after)).toBe("case-not-accepted");
    expect(completionRefusal({ ...facts, days: [day("2027-01-15", true)], caseWorkAccepted: true }, after)).toBeNull();
    expect(completionRefusal({ ...facts, days: [day("2027-01-15", true), day("2027-03-01", true)] }, after)).toBe("not-held-yet");
    expect(completionRefusal({ ...facts, days: [day("2027-01-15", true), day("2027-01-22", false)], caseWorkAccepted: false }, after)).toBe(
      "days-missing",
    );
    expect(completionRefusal({ ...facts, days, certificateExists: true, sessionStatus: "cancelled" }, after)).toBe("already-issued");
    expect(completionRefusal({ ...facts, days, sessionStatus: "cancelled", enrolmentStatus: "cancelled" }, after)).toBe(
      "session-cancelled",
    );
  });
});
