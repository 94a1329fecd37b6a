import { describe, expect, it } from "vitest";
import {
  eraOf,
  fiscalYearEra,
  fiscalYearLabelEn,
  fiscalYearLabelJa,
  fiscalYearOf,
  fiscalYearRange,
  parseFiscalYearInput,
  parseFiscalYearsInput,
  recentFiscalYears,
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

describe("fiscal years: the rules the mutation run found unguarded", () => {
  it("lists the recent fiscal years newest first, five by default", () => {
    expect(recentFiscalYears(2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(recentFiscalYears(2026, 2)).toEqual([2026, 2025]);
  });

  it("labels every era in both languages, 元 only for the first year", () => {
    expect([1989, 1990, 2018, 2019, 2020, 2026].map(fiscalYearLabelJa)).toEqual([
      "平成元年度",
      "平成2年度",
      "平成30年度",
      "令和元年度",
      "令和2年度",
      "令和8年度",
    ]);
    expect([1988, 1989, 2019, 2026].map(fiscalYearLabelEn)).toEqual([
      "FY1988 (Showa 63)",
      "FY1989 (Heisei 1)",
      "FY2019 (Reiwa 1)",
      "FY2026 (Reiwa 8)",
    ]);
    expect(fiscalYearEra(2018)).toEqual({ nameJa: "平成", nameEn: "Heisei", year: 30 });
    expect(eraOf(2019, 4, 30)).toMatchObject({ era: { nameJa: "平成" }, year: 31 });
    expect(eraOf(2019, 5, 1)).toMatchObject({ era: { nameJa: "令和" }, year: 1 });
    expect(eraOf(1926, 12, 24)).toMatchObject({ era: { nameJa: "昭和" }, year: 1 });
    expect(eraOf(1926, 12, 25)).toMatchObject({ era: { nameJa: "昭和" }, year: 1 });
    expect(eraOf(1989, 2, 1).era.nameJa).toBe("平成");
    expect(eraOf(2019, 4, 1).era.nameJa).toBe("平成");
    expect(eraOf(2020, 1, 1).era.nameJa).toBe("令和");
  });

  it("reads every era name and its abbreviations, with a dot or comma after the name", () => {
    for (const [s, year] of [
      ["h.30", 2018],
      ["Heisei 30", 2018],
      ["㍻30", 2018],
      ["平成元年", 1989],
      ["s64", 1989],
      ["Showa 64", 1989],
      ["shōwa 64", 1989],
      ["㍼64", 1989],
      ["昭和64年", 1989],
      ["r,1", 2019],
      ["FY 2100", 2100],
      ["1989年", 1989],
      ["R82", 2100],
    ] as const)
      expect(parseFiscalYearInput(s), s).toEqual({ ok: true, year });
  });

  it("refuses years outside 1989–2100 and era years beyond the era, keeping what was typed", () => {
    expect(parseFiscalYearInput("1988")).toEqual({ ok: false, reason: "range", input: "1988" });
    expect(parseFiscalYearInput("2101")).toEqual({ ok: false, reason: "range", input: "2101" });
    expect(parseFiscalYearInput("R83")).toEqual({ ok: false, reason: "range", input: "R83" });
    expect(parseFiscalYearInput("昭和65")).toEqual({ ok: false, reason: "range", input: "昭和65" });
    expect(parseFiscalYearInput("h31")).toEqual({ ok: true, year: 2019 });
    expect(parseFiscalYearInput("h0")).toEqual({ ok: false, reason: "range", input: "h0" });
    expect(parseFiscalYearInput("r100")).toEqual({ ok: false, reason: "format", input: "r100" });
    expect(parseFiscalYearInput("r")).toEqual({ ok: false, reason: "format", input: "r" });
    expect(parseFiscalYearInput("x2027")).toEqual({ ok: false, reason: "format", input: "x2027" });
    expect(parseFiscalYearInput("20271")).toEqual({ ok: false, reason: "format", input: "20271" });
    expect(parseFiscalYearInput(" 　")).toEqual({ ok: false, reason: "empty", input: " 　" });
    expect(parseFiscalYearInput("2027年度度")).toEqual({ ok: false, reason: "format", input: "2027年度度" });
    // FY only in front, 年度 only at the end, a dot or comma only right after the era name.
    for (const bad of ["2027FY", "年度2027", "r1.0", "r1,0"])
      expect(parseFiscalYearInput(bad), bad).toEqual({ ok: false, reason: "format", input: bad });
  });

  it("splits a list on commas, 、, semicolons, ・, new lines and wide spaces, and refuses an empty list", () => {
    expect(parseFiscalYearsInput("2029；2027;2028\n2030，2031  2032")).toEqual({ ok: true, years: [2027, 2028, 2029, 2030, 2031, 2032] });
    expect(parseFiscalYearsInput("2027,2027")).toEqual({ ok: true, years: [2027] });
    // One space stays inside a year; two or more separate years.
    expect(parseFiscalYearsInput("令和 9 年度, 2028")).toEqual({ ok: true, years: [2027, 2028] });
    expect(parseFiscalYearsInput(" , 、")).toEqual({ ok: false, reason: "empty", input: " , 、" });
    expect(parseFiscalYearsInput("2027, 1900")).toEqual({ ok: false, reason: "range", input: "1900" });
  });
});
