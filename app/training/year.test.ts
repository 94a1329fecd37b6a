import { describe, expect, it } from "vitest";
import { trainingYearSearch as yearParam } from "~/lib/params";
import { yearChoices } from "./year";

describe("fiscal year parameter", () => {
  const now = new Date("2026-11-23T12:00:00Z"); // FY2026
  it("uses ?year= within range, else the current fiscal year", () => {
    expect(yearParam(new URL("http://x/?year=2025"), now)).toBe(2025);
    expect(yearParam(new URL("http://x/?year=2027"), now)).toBe(2027);
    expect(yearParam(new URL("http://x/?year=2030"), now)).toBe(2026);
    expect(yearParam(new URL("http://x/?year=abc"), now)).toBe(2026);
    expect(yearParam(new URL("http://x/"), now)).toBe(2026);
  });
  it("offers next year, this year and two before", () => {
    expect(yearChoices(now)).toEqual([2027, 2026, 2025, 2024]);
  });
});
