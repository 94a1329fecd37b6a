import { now as clockNow } from "~/lib/clock";
/** Today's date in JST as YYYY-MM-DD (the default of date fields). */
export function todayJst(now = clockNow()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
