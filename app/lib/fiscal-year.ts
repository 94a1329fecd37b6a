// 年度: the Japanese fiscal year runs April–March. FY2023 = 令和5年度 = April 2023 – March 2024.
// All dates are judged in Japan Standard Time (UTC+9, no daylight saving).

import { now } from "./clock";
import { jstInstant, jstParts } from "./jst";

export { jstParts };

/** The fiscal year (as its starting calendar year) that contains the instant, in JST. */
export function fiscalYearOf(date: Date): number {
  const { year, month } = jstParts(date);
  return month >= 4 ? year : year - 1;
}

/** The fiscal year of the application's clock (`now()`). */
export function currentFiscalYear(): number {
  return fiscalYearOf(now());
}

/** The `count` fiscal years up to `latest`, newest first (the choices of a year picker). */
export function recentFiscalYears(latest: number = currentFiscalYear(), count = 5): number[] {
  return Array.from({ length: count }, (_, i) => latest - i);
}

/** First and last instants of a fiscal year: [April 1 00:00 JST, next April 1 00:00 JST). */
export function fiscalYearRange(fy: number): { start: Date; end: Date } {
  return {
    start: jstInstant(fy, 4, 1),
    end: jstInstant(fy + 1, 4, 1),
  };
}

interface Era {
  nameJa: string;
  nameEn: string;
  /** First day of the era, as y/m/d. */
  start: [number, number, number];
}

// Newest first.
const ERAS: Era[] = [
  { nameJa: "令和", nameEn: "Reiwa", start: [2019, 5, 1] },
  { nameJa: "平成", nameEn: "Heisei", start: [1989, 1, 8] },
  { nameJa: "昭和", nameEn: "Showa", start: [1926, 12, 25] },
];

function compareYmd(a: [number, number, number], b: [number, number, number]) {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The era and era year of a calendar date (e.g. 2019-05-01 → 令和1). 元年 is year 1. */
export function eraOf(year: number, month: number, day: number): { era: Era; year: number } {
  const era = ERAS.find((e) => compareYmd([year, month, day], e.start) >= 0) ?? ERAS[ERAS.length - 1];
  return { era, year: year - era.start[0] + 1 };
}

/**
 * The era name of a fiscal year: the era in force on its first day (April 1), so FY1988 is
 * 昭和63年度 although Heisei began in January 1989. The one exception is FY2019: Reiwa began on
 * May 1, 2019 and the government named that year 令和元年度, as the city does.
 */
export function fiscalYearEra(fy: number): { nameJa: string; nameEn: string; year: number } {
  const { era, year } = fy === 2019 ? eraOf(2019, 5, 1) : eraOf(fy, 4, 1);
  return { nameJa: era.nameJa, nameEn: era.nameEn, year };
}

/** 令和5年度 (元年 for year 1). */
export function fiscalYearLabelJa(fy: number): string {
  const e = fiscalYearEra(fy);
  return `${e.nameJa}${e.year === 1 ? "元" : e.year}年度`;
}

/** FY2023 (Reiwa 5). */
export function fiscalYearLabelEn(fy: number): string {
  const e = fiscalYearEra(fy);
  return `FY${fy} (${e.nameEn} ${e.year})`;
}
