// The fiscal year a committee page shows: ?year=, else the current one; a sensible range only.
import { fiscalYearOf } from "~/lib/fiscal-year";
import { now as clockNow } from "~/lib/clock";

export function yearParam(url: URL, now = clockNow()): number {
  const current = fiscalYearOf(now);
  const asked = Number(url.searchParams.get("year"));
  return Number.isInteger(asked) && asked >= 2019 && asked <= current + 1 ? asked : current;
}

export function yearChoices(now = clockNow()): number[] {
  const current = fiscalYearOf(now);
  return [current + 1, current, current - 1, current - 2];
}
