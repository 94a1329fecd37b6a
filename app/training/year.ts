// The fiscal years a committee page offers; `?year=` itself is read by `trainingYearSearch` (app/lib/params.ts).
import { fiscalYearOf } from "~/lib/fiscal-year";
import { now as clockNow } from "~/lib/clock";

export function yearChoices(now = clockNow()): number[] {
  const current = fiscalYearOf(now);
  return [current + 1, current, current - 1, current - 2];
}
