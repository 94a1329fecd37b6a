import { describe, expect, it } from "vitest";
import { proposeAgenda, type ItemStat } from "./agenda";

const office = (id: number, agrees: boolean) => ({ officeId: id, name: `事業所${id}`, agreesToBeNamed: agrees });
function stat(code: string, average: number, low: number, high: ReturnType<typeof office>[] = [], rated = 10): ItemStat {
  return { code, average, low, high, rated };
}

describe("proposeAgenda", () => {
  it("proposes the lowest averages and the items most often rated 1 or 2, lowest average first", () => {
    const stats = [stat("A-01", 3.5, 0), stat("A-02", 1.8, 6), stat("A-03", 2.9, 9), stat("A-04", 2.0, 1), stat("A-05", 3.2, 0)];
    const { weak } = proposeAgenda(stats, { weakCount: 2 });
    expect(weak.map((w) => w.code)).toEqual(["A-02", "A-04", "A-03"]);
    expect(weak.find((w) => w.code === "A-02")!.reasons).toEqual(["lowestAverage", "mostLow"]);
    expect(weak.find((w) => w.code === "A-03")!.reasons).toEqual(["mostLow"]);
  });

  it("names high-scoring offices only where they agreed, and counts the others", () => {
    const stats = [stat("A-01", 1.5, 8), stat("B-01", 3.1, 1, [office(1, true), office(2, false), office(3, false)])];
    const { goodPractice } = proposeAgenda(stats, { weakCount: 1 });
    expect(goodPractice).toHaveLength(1);
    expect(goodPractice[0]).toMatchObject({ code: "B-01", namedOffices: ["事業所1"], unnamedCount: 2, othersCount: 2, highCount: 3 });
    expect(JSON.stringify(goodPractice)).not.toContain("事業所2");
  });

  it("names at most maxNamed offices and counts the rest", () => {
    const high = [1, 2, 3, 4].map((id) => office(id, true));
    const { goodPractice } = proposeAgenda([stat("A-01", 1.5, 8), stat("B-01", 3.1, 0, high)], { weakCount: 1, maxNamed: 2 });
    expect(goodPractice[0]).toMatchObject({ namedOffices: ["事業所1", "事業所2"], unnamedCount: 0, othersCount: 2 });
  });

  it("never proposes an item rated by fewer than 3 offices", () => {
    const stats = [stat("A-01", 1.0, 2, [], 2), stat("A-02", 2.5, 1, [office(1, true)], 3)];
    const { weak, goodPractice } = proposeAgenda(stats);
    expect(weak.map((w) => w.code)).toEqual(["A-02"]);
    expect(goodPractice).toEqual([]);
  });

  it("does not repeat a weak item as good practice", () => {
    const stats = [stat("A-01", 2.0, 5, [office(1, true)]), stat("A-02", 3.0, 0, [office(2, true)])];
    const { weak, goodPractice } = proposeAgenda(stats, { weakCount: 1 });
    expect(weak.map((w) => w.code)).toEqual(["A-01"]);
    expect(goodPractice.map((g) => g.code)).toEqual(["A-02"]);
  });

  it("sorts whatever order the statistics come in: average, then more lows, then code", () => {
    const stats = [stat("C", 2.0, 1), stat("B", 2.0, 3), stat("A", 2.0, 1), stat("D", 1.0, 0), stat("E", 4.0, 0)];
    const { weak } = proposeAgenda(stats, { weakCount: 4 });
    expect(weak.map((w) => [w.code, w.reasons])).toEqual([
      ["D", ["lowestAverage"]],
      ["B", ["lowestAverage", "mostLow"]],
      ["A", ["lowestAverage", "mostLow"]],
      ["C", ["lowestAverage", "mostLow"]],
    ]);
    expect(weak[0]).toEqual({ kind: "WEAK", code: "D", average: 1, low: 0, rated: 10, reasons: ["lowestAverage"] });
  });

  it("ranks the most often rated 1–2 by count, then lower average, then code, and never an item nobody rated low", () => {
    const stats = [stat("A", 3.0, 2), stat("B", 2.9, 2), stat("C", 2.95, 4), stat("V", 1.0, 0), stat("U", 1.1, 0)];
    const { weak } = proposeAgenda(stats, { weakCount: 2 });
    expect(weak.map((w) => [w.code, w.reasons])).toEqual([
      ["V", ["lowestAverage"]],
      ["U", ["lowestAverage"]],
      ["B", ["mostLow"]],
      ["C", ["mostLow"]],
    ]);
    const tie = proposeAgenda([stat("Y", 3.0, 2), stat("X", 3.0, 2), stat("Q", 1.0, 0)], { weakCount: 1 });
    expect(tie.weak.map((w) => w.code)).toEqual(["Q", "X"]);
    const none = proposeAgenda([stat("A", 3, 0), stat("B", 3.5, 0)], { weakCount: 0 });
    expect(none.weak).toEqual([]);
  });

  it("proposes as good practice only items some office rated 4", () => {
    expect(
      proposeAgenda([stat("A", 3, 0, []), stat("B", 3, 0, [office(1, true)])], { weakCount: 0 }).goodPractice.map((g) => g.code),
    ).toEqual(["B"]);
  });

  it("proposes five weak items and three good practices by default, good practice with the most high offices first", () => {
    const weakStats = ["W1", "W2", "W3", "W4", "W5", "W6"].map((c, i) => stat(c, 1 + i / 10, 0));
    const hi = (n: number) => Array.from({ length: n }, (_, i) => office(i + 1, false));
    const goodStats = [
      stat("G1", 3.0, 0, hi(1)),
      stat("G2", 3.0, 0, hi(3)),
      stat("G4", 3.5, 0, hi(2)),
      stat("G3", 3.6, 0, hi(2)),
      stat("G5", 3.9, 0, hi(2)),
    ];
    const { weak, goodPractice } = proposeAgenda([...goodStats, ...weakStats]);
    expect(weak.map((w) => w.code)).toEqual(["W1", "W2", "W3", "W4", "W5"]);
    expect(goodPractice.map((g) => g.code)).toEqual(["G2", "G5", "G3"]);
    expect(goodPractice[0]).toEqual({
      kind: "GOOD_PRACTICE",
      code: "G2",
      average: 3,
      highCount: 3,
      rated: 10,
      namedOffices: [],
      unnamedCount: 3,
      othersCount: 3,
    });
    // Equal counts and averages go by code.
    const tie = proposeAgenda([stat("G9", 3, 0, hi(1)), stat("G8", 3, 0, hi(1))], { weakCount: 0 });
    expect(tie.goodPractice.map((g) => g.code)).toEqual(["G8", "G9"]);
  });

  it("lists named offices in Japanese order and names at most five by default", () => {
    const named = ["さくら", "あおい", "かえで", "いちょう", "うめ", "えのき"].map((name, i) => ({
      officeId: i,
      name,
      agreesToBeNamed: true,
    }));
    const { goodPractice } = proposeAgenda([stat("G", 3, 0, named)], { weakCount: 0 });
    expect(goodPractice[0]).toMatchObject({
      namedOffices: ["あおい", "いちょう", "うめ", "えのき", "かえで"],
      unnamedCount: 0,
      othersCount: 1,
    });
  });

  it("takes items rated by exactly the group minimum, and a higher minimum when given", () => {
    expect(proposeAgenda([stat("A", 1, 1, [], 3)]).weak.map((w) => w.code)).toEqual(["A"]);
    expect(proposeAgenda([stat("A", 1, 1, [], 3)], { minGroup: 4 }).weak).toEqual([]);
  });
});
