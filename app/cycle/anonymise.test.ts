import { describe, expect, it } from "vitest";
import { groupMean, groupMedian, MIN_GROUP_SIZE, showable, withheld } from "./anonymise";

describe("anonymisation", () => {
  it("withholds every aggregate over fewer than 3 offices", () => {
    expect(MIN_GROUP_SIZE).toBe(3);
    expect(groupMean([4, 2])).toBeNull();
    expect(groupMean([4, 2, 3])).toBe(3);
    expect(withheld(2.5, 2)).toBeNull();
    expect(withheld(2.5, 3)).toBe(2.5);
    expect(showable(0)).toBe(false);
    expect(showable(3)).toBe(true);
  });

  it("takes a larger minimum where one is asked for, the minimum itself included", () => {
    expect(showable(2)).toBe(false);
    expect(showable(4, 5)).toBe(false);
    expect(showable(5, 5)).toBe(true);
    expect(groupMean([1, 2, 3], 4)).toBeNull();
    expect(groupMean([1, 2, 3, 6], 4)).toBe(3);
    expect(withheld("x", 4, 5)).toBeNull();
    expect(withheld("x", 5, 5)).toBe("x");
    expect(groupMedian([5, 1, 3])).toBe(3);
  });
});
