import { describe, expect, it } from "vitest";
import {
  eraOf,
  fiscalYearLabelEn,
  fiscalYearLabelJa,
  fiscalYearOf,
  fiscalYearRange,
  parseFiscalYearInput,
  parseFiscalYearsInput,
} from "./fiscal-year";

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

describe("parseFiscalYearInput: one reader for every year input", () => {
  it("reads Western years, full-width digits and FY/年度 forms", () => {
    for (const s of ["2027", "２０２７", "FY2027", "fy 2027", "2027年度", " 2027 "])
      expect(parseFiscalYearInput(s), s).toEqual({ ok: true, year: 2027 });
  });
  it("reads 令和 years in every common spelling, 元 as 1", () => {
    for (const s of ["令和9", "令和９", "令和9年度", "令和 9 年度", "R9", "r9", "Ｒ９", "Reiwa 9", "㋿9"])
      expect(parseFiscalYearInput(s), s).toEqual({ ok: true, year: 2027 });
    expect(parseFiscalYearInput("令和元年度")).toEqual({ ok: true, year: 2019 });
  });
  it("reads 平成 and 昭和 within their eras only", () => {
    expect(parseFiscalYearInput("平成31年度")).toEqual({ ok: true, year: 2019 });
    expect(parseFiscalYearInput("H30")).toEqual({ ok: true, year: 2018 });
    expect(parseFiscalYearInput("平成32")).toMatchObject({ ok: false, reason: "range" });
    expect(parseFiscalYearInput("令和0")).toMatchObject({ ok: false, reason: "range" });
    expect(parseFiscalYearInput("昭和63")).toMatchObject({ ok: false, reason: "range" }); // before 1989: out of the platform's range
  });
  it("refuses what is not a year, saying why", () => {
    expect(parseFiscalYearInput("")).toMatchObject({ ok: false, reason: "empty" });
    expect(parseFiscalYearInput("27")).toMatchObject({ ok: false, reason: "format" });
    expect(parseFiscalYearInput("令和九")).toMatchObject({ ok: false, reason: "format" });
    expect(parseFiscalYearInput("3000")).toMatchObject({ ok: false, reason: "range" });
  });
  it("reads a list of years in any mix, sorted, each once", () => {
    expect(parseFiscalYearsInput("令和9、2028, R11・2027")).toEqual({ ok: true, years: [2027, 2028, 2029] });
    expect(parseFiscalYearsInput("2027, 令和百")).toMatchObject({ ok: false, reason: "format", input: "令和百" });
  });
});
