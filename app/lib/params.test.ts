import { describe, expect, it } from "vitest";
import { fiscalYearOf } from "./fiscal-year";
import { now } from "./clock";
import { fiscalYearParam, fiscalYearSearch, idParam, idSearch, pageSearch, readFiscalYear, readId } from "./params";

function statusOf(f: () => unknown): number | "returned" {
  try {
    f();
    return "returned";
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

describe("URL parameters", () => {
  it("reads a four-digit fiscal year within range and nothing else", () => {
    expect(readFiscalYear("2025")).toBe(2025);
    expect(readFiscalYear("2000")).toBe(2000);
    expect(readFiscalYear("2100")).toBe(2100);
    for (const bad of ["1999", "2101", "9999", "0202", "20255", "abc", "2025a", " 2025", "-2025", "", null, undefined]) {
      expect(readFiscalYear(bad), String(bad)).toBeNull();
    }
  });
  it("reads positive ids up to 2^31 − 1 and refuses larger ones", () => {
    expect(readId("1")).toBe(1);
    expect(readId("2147483647")).toBe(2147483647);
    for (const bad of ["2147483648", "99999999999", "0", "01", "-1", "1.5", "1e3", "x", "", null]) {
      expect(readId(bad), String(bad)).toBeNull();
    }
  });
  it("answers 404 for a path segment that is not a year or an id", () => {
    expect(fiscalYearParam("2025")).toBe(2025);
    expect(statusOf(() => fiscalYearParam("abcd"))).toBe(404);
    expect(statusOf(() => fiscalYearParam("1800"))).toBe(404);
    expect(idParam("7")).toBe(7);
    expect(statusOf(() => idParam("2147483648"))).toBe(404);
    expect(statusOf(() => idParam(undefined))).toBe(404);
  });
  it("falls back to the current fiscal year when ?year= is absent and answers 400 when it is malformed", () => {
    const current = fiscalYearOf(now());
    expect(fiscalYearSearch(new URL("http://x/"))).toBe(current);
    expect(fiscalYearSearch(new URL("http://x/?year="))).toBe(current);
    expect(fiscalYearSearch(new URL("http://x/?year=2024"))).toBe(2024);
    expect(fiscalYearSearch(new Request("http://x/?year=2023"), 2020)).toBe(2023);
    expect(fiscalYearSearch(new URLSearchParams(""), 2020)).toBe(2020);
    expect(statusOf(() => fiscalYearSearch(new URL("http://x/?year=abc")))).toBe(400);
    expect(statusOf(() => fiscalYearSearch(new URL("http://x/?year=99999")))).toBe(400);
  });
  it("reads optional ids and page numbers from the query", () => {
    expect(idSearch(new URL("http://x/?ward=3"), "ward")).toBe(3);
    expect(idSearch(new URL("http://x/"), "ward")).toBeNull();
    expect(statusOf(() => idSearch(new URL("http://x/?ward=3x"), "ward"))).toBe(400);
    expect(pageSearch(new URL("http://x/?page=4"))).toBe(4);
    expect(pageSearch(new URL("http://x/?page=-4"))).toBe(1);
    expect(pageSearch(new URL("http://x/"))).toBe(1);
  });
});
