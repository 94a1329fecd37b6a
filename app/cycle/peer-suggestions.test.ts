import { describe, expect, it } from "vitest";
import { introductionTarget, peerSuggestions, weakCodes, type PeerOffice } from "./peer-suggestions";

const mk = (officeId: number, wardId: number, agreesToBeNamed: boolean, ratings: Record<string, number>): PeerOffice => ({
  officeId,
  name: `事業所${officeId}`,
  wardId,
  agreesToBeNamed,
  ratings,
});

describe("peer suggestions", () => {
  const own = mk(1, 10, false, { "A-01": 1, "A-02": 2, "A-03": 3, "A-04": 4 });
  const others = [
    mk(2, 10, true, { "A-01": 4, "A-02": 3 }),
    mk(3, 10, false, { "A-01": 4, "A-02": 4 }),
    mk(4, 20, true, { "A-01": 4, "A-02": 4 }),
  ];

  it("weak items are those rated 1 or 2, lowest first", () => {
    expect(weakCodes(own.ratings)).toEqual(["A-01", "A-02"]);
  });

  it("suggests same-ward offices strong on each weak item, naming only those that agreed", () => {
    const s = peerSuggestions(own, others);
    expect(s).toEqual([
      { code: "A-01", ownRating: 1, named: [{ officeId: 2, name: "事業所2" }], anonymousCount: 1 },
      { code: "A-02", ownRating: 2, named: [], anonymousCount: 1 },
    ]);
    expect(JSON.stringify(s)).not.toContain("事業所3");
    expect(JSON.stringify(s)).not.toContain("事業所4");
  });

  it("routes an introduction request to an unnamed strong office of the same ward", () => {
    expect(introductionTarget(own, others, "A-02")).toBe(3);
    expect(introductionTarget(own, others, "A-03")).toBeNull();
  });

  it("never suggests the office itself", () => {
    expect(peerSuggestions(own, [own]).every((s) => s.named.length === 0 && s.anonymousCount === 0)).toBe(true);
  });

  it("never suggests the office itself, even when the list holds it with other ratings (another year's sheet)", () => {
    const again = mk(1, 10, true, { "A-01": 4, "A-02": 4 });
    expect(peerSuggestions(own, [again])).toEqual([
      { code: "A-01", ownRating: 1, named: [], anonymousCount: 0 },
      { code: "A-02", ownRating: 2, named: [], anonymousCount: 0 },
    ]);
    expect(introductionTarget(own, [{ ...again, agreesToBeNamed: false }], "A-01")).toBeNull();
  });

  it("weak means 2 or below and strong 4 or above; equal ratings go by code; unrated is neither", () => {
    expect(weakCodes({ "B-2": 2, "A-9": 3, "B-1": 2, "C-0": 1, "A-1": 2 })).toEqual(["C-0", "A-1", "B-1", "B-2"]);
    const mine = mk(1, 10, false, { X: 2 });
    const s = peerSuggestions(mine, [mk(5, 10, false, { X: 3 }), mk(6, 10, false, {}), mk(7, 10, false, { X: 5 })]);
    expect(s).toEqual([{ code: "X", ownRating: 2, named: [], anonymousCount: 1 }]);
  });

  it("asks the first unnamed strong office of the same ward, never a named one or another ward's", () => {
    const mine = mk(1, 10, false, { X: 1 });
    const list = [
      mk(2, 10, true, { X: 5 }),
      mk(3, 20, false, { X: 5 }),
      mk(4, 10, false, { X: 3 }),
      mk(5, 10, false, { X: 4 }),
      mk(6, 10, false, { X: 5 }),
    ];
    expect(introductionTarget(mine, list, "X")).toBe(5);
    expect(introductionTarget(mine, list, "Y")).toBeNull();
  });
});
