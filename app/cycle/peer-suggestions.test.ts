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
});
