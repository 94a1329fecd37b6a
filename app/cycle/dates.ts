import { now } from "~/lib/clock";
import { jstDateString } from "~/lib/jst";

/** Today's date in JST as YYYY-MM-DD (the default of date fields). */
export function todayJst(at: Date = now()): string {
  return jstDateString(at);
}
