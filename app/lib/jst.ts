// Japan Standard Time, the one place that knows its offset. Every date the council deals in (fiscal
// years, session days, due dates, "today") is a JST calendar date. JST is UTC+9 all year (no daylight
// saving since 1951), so a fixed offset is exact; see docs/decisions/012-params-and-jst.md.

export const JST_TIME_ZONE = "Asia/Tokyo";
export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export interface JstParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

/** The calendar parts of an instant as seen in JST. */
export function jstParts(date: Date): JstParts {
  const d = new Date(date.getTime() + JST_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * The instant of a JST wall-clock time. Months are 1–12 and overflow like Date.UTC (month 13 is
 * January of the next year, day 0 the last day of the month before).
 */
export function jstInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - JST_OFFSET_MS);
}

/** "2026-12-01" (and optionally "09:30") read as a JST wall-clock time; null when not a real date. */
export function parseJstDate(date: string, time = "00:00"): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, m, day, h, min] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  if (m < 1 || m > 12 || day < 1 || day > 31 || h > 23 || min > 59) return null;
  const at = jstInstant(y, m, day, h, min);
  const back = jstParts(at);
  return back.month === m && back.day === day ? at : null;
}

/** The JST calendar date of an instant as YYYY-MM-DD. */
export function jstDateString(date: Date): string {
  return new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-12-01 09:30:05" in JST (for exports a spreadsheet reads as a date and time). */
export function jstDateTimeString(date: Date): string {
  return new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** The first instant of the JST day that contains `date`. */
export function startOfJstDay(date: Date): Date {
  const p = jstParts(date);
  return jstInstant(p.year, p.month, p.day);
}
