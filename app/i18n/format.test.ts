import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatFiscalYear } from "./format";

describe("date formatting", () => {
  it("writes Japanese dates with the weekday, in JST", () => {
    expect(formatDate(new Date("2024-07-01T09:00:00+09:00"), "ja")).toBe("2024年7月1日(月)");
    // 2024-06-30T20:00Z is already Monday 1 July in Tokyo.
    expect(formatDate(new Date("2024-06-30T20:00:00Z"), "ja")).toBe("2024年7月1日(月)");
  });
  it("writes English dates and times in JST", () => {
    expect(formatDateTime(new Date("2024-07-01T04:05:00Z"), "en")).toBe("Mon 1 July 2024 13:05");
  });
  it("names fiscal years by era in Japanese", () => {
    expect(formatFiscalYear(2024, "ja")).toBe("令和6年度");
    expect(formatFiscalYear(2024, "en")).toBe("FY2024 (Reiwa 6)");
  });
});
