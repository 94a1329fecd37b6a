import { describe, expect, it } from "vitest";
import { fiscalYearLabelEn, fiscalYearLabelJa, fiscalYearOf, fiscalYearRange, eraOf } from "./fiscal-year";

describe("fiscalYearOf", () => {
  it("puts March 31 in the previous fiscal year and April 1 in the new one (JST)", () => {
    expect(fiscalYearOf(new Date("2024-03-31T23:59:59+09:00"))).toBe(2023);
    expect(fiscalYearOf(new Date("2024-04-01T00:00:00+09:00"))).toBe(2024);
  });
  it("judges the boundary in JST, not UTC", () => {
    // 2024-03-31T15:30Z is already April 1 00:30 in Tokyo.
    expect(fiscalYearOf(new Date("2024-03-31T15:30:00Z"))).toBe(2024);
    expect(fiscalYearOf(new Date("2024-03-31T14:59:59Z"))).toBe(2023);
  });
  it("keeps January–March in the fiscal year that began the April before", () => {
    expect(fiscalYearOf(new Date("2025-01-15T12:00:00+09:00"))).toBe(2024);
  });
});

describe("fiscalYearRange", () => {
  it("runs from April 1 00:00 JST to the next April 1 00:00 JST", () => {
    const { start, end } = fiscalYearRange(2023);
    expect(start.toISOString()).toBe("2023-03-31T15:00:00.000Z");
    expect(end.toISOString()).toBe("2024-03-31T15:00:00.000Z");
  });
});

describe("era names", () => {
  it("labels FY2023 令和5年度 and FY2024 令和6年度", () => {
    expect(fiscalYearLabelJa(2023)).toBe("令和5年度");
    expect(fiscalYearLabelJa(2024)).toBe("令和6年度");
    expect(fiscalYearLabelEn(2023)).toBe("FY2023 (Reiwa 5)");
  });
  it("calls FY2019 令和元年度 and FY2020 令和2年度", () => {
    expect(fiscalYearLabelJa(2019)).toBe("令和元年度");
    expect(fiscalYearLabelJa(2020)).toBe("令和2年度");
  });
  it("calls FY2018 平成30年度 and FY1989 平成元年度, FY1988 昭和63年度", () => {
    expect(fiscalYearLabelJa(2018)).toBe("平成30年度");
    expect(fiscalYearLabelJa(1989)).toBe("平成元年度");
    expect(fiscalYearLabelJa(1988)).toBe("昭和63年度");
  });
  it("changes era on the era's first day", () => {
    expect(eraOf(2019, 4, 30).era.nameJa).toBe("平成");
    expect(eraOf(2019, 4, 30).year).toBe(31);
    expect(eraOf(2019, 5, 1).era.nameJa).toBe("令和");
    expect(eraOf(2019, 5, 1).year).toBe(1);
    expect(eraOf(1989, 1, 7).era.nameJa).toBe("昭和");
    expect(eraOf(1989, 1, 8).era.nameJa).toBe("平成");
  });
});
