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

// ---- Reading a year someone typed ----
// One parser for every year input: Western years (2027, ２０２７, FY2027, 2027年度) and era years
// (令和9, 令和９年度, R9, Reiwa 9, 令和元年, 平成31, H31, 昭和64), each the fiscal year starting in April of that
// calendar year. The result says which fiscal year it understood, so the page can tell the user.

export type YearParse = { ok: true; year: number } | { ok: false; reason: "empty" | "format" | "range"; input: string };

const ERA_ALIASES: { era: string; start: number; last: number | null; names: string[] }[] = [
  { era: "令和", start: 2019, last: null, names: ["令和", "r", "reiwa", "㋿"] },
  { era: "平成", start: 1989, last: 31, names: ["平成", "h", "heisei", "㍻"] },
  { era: "昭和", start: 1926, last: 64, names: ["昭和", "s", "showa", "shōwa", "㍼"] },
];

/** The earliest and latest fiscal years a year input accepts. */
export const YEAR_INPUT_RANGE = { min: 1989, max: 2100 } as const;

/** Reads one fiscal year as typed (Western or era). */
export function parseFiscalYearInput(raw: string): YearParse {
  const input = raw.normalize("NFKC").trim();
  if (!input) return { ok: false, reason: "empty", input: raw };
  const s = input
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/^fy/, "")
    .replace(/(年度|年)$/, "");
  let year: number | null = null;
  if (/^\d{4}$/.test(s)) year = Number(s);
  else {
    for (const e of ERA_ALIASES) {
      const name = [...e.names].sort((x, y) => y.length - x.length).find((n) => s.startsWith(n));
      if (!name) continue;
      const rest = s.slice(name.length).replace(/^\.|^,/, "");
      const n = rest === "元" ? 1 : /^\d{1,2}$/.test(rest) ? Number(rest) : null;
      if (n === null) return { ok: false, reason: "format", input: raw };
      if (n < 1 || (e.last !== null && n > e.last)) return { ok: false, reason: "range", input: raw };
      year = e.start + n - 1;
      break;
    }
  }
  if (year === null) return { ok: false, reason: "format", input: raw };
  if (year < YEAR_INPUT_RANGE.min || year > YEAR_INPUT_RANGE.max) return { ok: false, reason: "range", input: raw };
  return { ok: true, year };
}

/** Reads a list of years ("令和9, 2028、R11"): every one, or the first that cannot be read. */
export function parseFiscalYearsInput(raw: string): { ok: true; years: number[] } | Extract<YearParse, { ok: false }> {
  const parts = raw
    .normalize("NFKC")
    .split(/[,、，;；・\n]+|\s{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return { ok: false, reason: "empty", input: raw };
  const years: number[] = [];
  for (const p of parts) {
    const r = parseFiscalYearInput(p);
    if (!r.ok) return r;
    if (!years.includes(r.year)) years.push(r.year);
  }
  return { ok: true, years: years.sort((a, b) => a - b) };
}
