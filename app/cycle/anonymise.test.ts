import { describe, expect, it } from "vitest";
import { groupMean, MIN_GROUP_SIZE, showable, withheld } from "./anonymise";

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
});
