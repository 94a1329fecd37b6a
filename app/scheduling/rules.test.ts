import { describe, expect, it } from "vitest";
import { overlaps, placement, prerequisitesMet, refusalFor, toPromote, waitlistOrder, waitlistPlace } from "./rules";

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
  const none = { onDemandComplete: false, groupCompleteThisYear: false, certificates: [] };
  it("group sessions need the year's on-demand track", () => {
    expect(prerequisitesMet("basic-group", 2026, "default", none)).toBe(false);
    expect(prerequisitesMet("basic-group", 2026, "default", { ...none, onDemandComplete: true })).toBe(true);
    expect(prerequisitesMet("basic-group", 2026, "none", none)).toBe(true);
  });
  it("practical needs basic training this year or a recorded earlier year", () => {
    expect(prerequisitesMet("practical", 2026, "default", none)).toBe(false);
    expect(prerequisitesMet("practical", 2026, "default", { ...none, groupCompleteThisYear: true })).toBe(true);
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
