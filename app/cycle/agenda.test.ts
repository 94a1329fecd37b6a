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
});
