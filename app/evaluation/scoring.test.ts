import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  categoryMediansWithout,
  sortedCategoryScores,
  categoryScores,
  groupMedian,
  isAnswered,
  isRating,
  mean,
  median,
  MIN_GROUP_SIZE,
  roundScore,
  weakestItems,
} from "./scoring";

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
    const medians = categoryMediansWithout(
      sortedCategoryScores([
        { OPS: 2, MON: 3 },
        { OPS: 3, MON: null },
        { OPS: 4, MON: 1 },
      ]),
      undefined,
    );
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

describe("scoring: the rules the mutation run found unguarded", () => {
  it("takes only the four ratings, as numbers", () => {
    expect([4, 3, 2, 1].map(isRating)).toEqual([true, true, true, true]);
    expect([0, 5, 2.5, "3", null, undefined].map(isRating)).toEqual([false, false, false, false, false, false]);
    expect(isAnswered({ rating: 5, notApplicable: false })).toBe(false);
    expect(isAnswered({ rating: 3, notApplicable: true })).toBe(false);
    expect(isAnswered(null)).toBe(false);
  });

  it("leaves a not-applicable item out of its category's score even when a rating was kept", () => {
    const answers = {
      "OPS-01": { rating: 1, notApplicable: true, notApplicableReason: "x" },
      "OPS-02": { rating: 4, notApplicable: false },
    };
    expect(categoryScores(items, answers)).toEqual({ OPS: 4, MON: null });
    expect(categoryScores(items, { "OPS-01": { rating: 7, notApplicable: false } }).OPS).toBeNull();
  });

  it("computes means and medians of unsorted values, and a median at the group minimum", () => {
    expect(mean([1, 2, 4])).toBeCloseTo(7 / 3);
    expect(mean([])).toBeNull();
    expect(median([4, 1, 3, 2, 9])).toBe(3);
    expect(median([10, 2, 1, 3])).toBe(2.5);
    expect(groupMedian([4, 1], 2)).toBe(2.5);
    expect(groupMedian([4], 2)).toBeNull();
    expect(categoryMediansWithout(sortedCategoryScores([{ OPS: 1 }, { OPS: 2 }]), undefined, 2)).toEqual({ OPS: 1.5 });
  });

  it("lists at most five weakest items by default, never a rating kept on a not-applicable item or above 2", () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ code: `X-${i}`, categoryCode: "X" }));
    const answers = new Map(many.map((it, i) => [it.code, { rating: i === 0 ? 2 : 1, notApplicable: false }] as const));
    expect(weakestItems(many, answers).map((i) => [i.code, i.rating])).toEqual([
      ["X-1", 1],
      ["X-2", 1],
      ["X-3", 1],
      ["X-4", 1],
      ["X-5", 1],
    ]);
    expect(weakestItems(many, answers, 7)).toHaveLength(7);
    const na = new Map([
      ["OPS-01", { rating: 1, notApplicable: true }],
      ["OPS-02", { rating: 3, notApplicable: false }],
      ["OPS-03", { rating: null, notApplicable: false }],
    ]);
    expect(weakestItems(items, na)).toEqual([]);
  });

  it("rounds scores to two decimals for display", () => {
    expect(roundScore(2.345678)).toBe(2.35);
    expect(roundScore(2)).toBe(2);
    expect(roundScore(null)).toBeNull();
  });
});

describe("medians with one office left out, from sorted lists", () => {
  const group = fc.array(
    fc.record({
      OPS: fc.option(
        fc.integer({ min: 4, max: 16 }).map((n) => n / 4),
        { nil: null },
      ),
      MON: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    }),
    { maxLength: 12 },
  );

  // The first implementation, kept as the oracle: every office's scores read and sorted again per category.
  function categoryMedians(perOffice: Record<string, number | null>[], minGroup: number): Record<string, number | null> {
    const codes = new Set(perOffice.flatMap((s) => Object.keys(s)));
    const result: Record<string, number | null> = {};
    for (const code of codes) {
      const values = perOffice.map((s) => s[code]).filter((v): v is number => typeof v === "number");
      result[code] = groupMedian(values, minGroup);
    }
    return result;
  }

  it("equal the medians of the group without that office, for any group, office and minimum", () => {
    fc.assert(
      fc.property(group, fc.nat(), fc.integer({ min: 0, max: 6 }), (offices, pick, minGroup) => {
        const sorted = sortedCategoryScores(offices);
        const expected = (others: typeof offices) => {
          const all = categoryMedians(others, minGroup);
          // categoryMedians names only the codes the others have; a code the group has is null for them.
          return Object.fromEntries([...sorted.keys()].map((code) => [code, all[code] ?? null]));
        };
        expect(categoryMediansWithout(sorted, undefined, minGroup)).toEqual(expected(offices));
        if (!offices.length) return;
        const i = pick % offices.length;
        expect(categoryMediansWithout(sorted, offices[i], minGroup)).toEqual(expected(offices.filter((_, j) => j !== i)));
      }),
    );
  });

  it("skips one occurrence of a tied value, not all of them", () => {
    const sorted = sortedCategoryScores([{ OPS: 2 }, { OPS: 2 }, { OPS: 2 }, { OPS: 4 }]);
    expect(categoryMediansWithout(sorted, { OPS: 2 }, 3)).toEqual({ OPS: 2 });
    expect(categoryMediansWithout(sorted, { OPS: 4 }, 3)).toEqual({ OPS: 2 });
    expect(categoryMediansWithout(sorted, { OPS: 2 }, 4)).toEqual({ OPS: null });
  });
});
