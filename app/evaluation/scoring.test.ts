import { describe, expect, it } from "vitest";
import { categoryMedians, categoryScores, groupMedian, isAnswered, median, MIN_GROUP_SIZE, weakestItems } from "./scoring";

const items = [
  { code: "OPS-01", categoryCode: "OPS" },
  { code: "OPS-02", categoryCode: "OPS" },
  { code: "OPS-03", categoryCode: "OPS" },
  { code: "MON-01", categoryCode: "MON" },
];

describe("category scores", () => {
  it("is the mean of rated items, leaving out not-applicable and unanswered ones", () => {
    const answers = new Map([
      ["OPS-01", { rating: 4, notApplicable: false }],
      [
        "OPS-02",
        {
          rating: null,
          notApplicable: true,
          notApplicableReason: "対象者なし",
        },
      ],
      ["OPS-03", { rating: 1, notApplicable: false }],
    ]);
    expect(categoryScores(items, answers)).toEqual({ OPS: 2.5, MON: null });
  });

  it("gives no score (not 0) to a category whose items are all not applicable", () => {
    const answers = {
      "MON-01": { rating: null, notApplicable: true, notApplicableReason: "x" },
    };
    expect(categoryScores(items, answers).MON).toBeNull();
  });
});

describe("answered", () => {
  it("needs a rating, or not-applicable with a reason", () => {
    expect(isAnswered({ rating: 3, notApplicable: false })).toBe(true);
    expect(isAnswered({ rating: null, notApplicable: false })).toBe(false);
    expect(
      isAnswered({
        rating: null,
        notApplicable: true,
        notApplicableReason: "  ",
      }),
    ).toBe(false);
    expect(
      isAnswered({
        rating: null,
        notApplicable: true,
        notApplicableReason: "対象者がいない",
      }),
    ).toBe(true);
    expect(isAnswered(undefined)).toBe(false);
  });
});

describe("medians with the minimum group size", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("is withheld for a group of fewer than 3 offices", () => {
    expect(MIN_GROUP_SIZE).toBe(3);
    expect(groupMedian([2, 3])).toBeNull();
    expect(groupMedian([2, 3, 4])).toBe(3);
  });

  it("counts per category only the offices with a score there", () => {
    const medians = categoryMedians([
      { OPS: 2, MON: 3 },
      { OPS: 3, MON: null },
      { OPS: 4, MON: 1 },
    ]);
    expect(medians).toEqual({ OPS: 3, MON: null });
  });
});

describe("weakest items", () => {
  it("lists items rated 1 before 2, in checklist order, never not-applicable ones", () => {
    const answers = new Map([
      ["OPS-01", { rating: 2, notApplicable: false }],
      ["OPS-02", { rating: 1, notApplicable: false }],
      ["OPS-03", { rating: 3, notApplicable: false }],
      ["MON-01", { rating: null, notApplicable: true, notApplicableReason: "x" }],
    ]);
    expect(weakestItems(items, answers).map((i) => i.code)).toEqual(["OPS-02", "OPS-01"]);
  });
});
