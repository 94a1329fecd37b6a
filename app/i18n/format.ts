import { jstParts, fiscalYearLabelEn, fiscalYearLabelJa } from "~/lib/fiscal-year";
import type { Locale } from "./index";

const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const pad = (n: number) => String(n).padStart(2, "0");

/** 2024年7月1日(月) / Mon 1 July 2024, in JST. */
export function formatDate(value: Date | string, locale: Locale): string {
  const p = jstParts(new Date(value));
  if (locale === "ja") return `${p.year}年${p.month}月${p.day}日(${WEEKDAYS_JA[p.weekday]})`;
  return `${WEEKDAYS_EN[p.weekday]} ${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}`;
}

/** 2024年7月1日(月) 13:05 / Mon 1 July 2024 13:05, in JST. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  const p = jstParts(new Date(value));
  return `${formatDate(value, locale)} ${pad(p.hour)}:${pad(p.minute)}`;
}

export function formatFiscalYear(fy: number, locale: Locale): string {
  return locale === "ja" ? fiscalYearLabelJa(fy) : fiscalYearLabelEn(fy);
}

/** An ISO date string (YYYY-MM-DD) of the instant in JST, for <time dateTime>. */
export function isoDateJst(value: Date | string): string {
  const p = jstParts(new Date(value));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}
