import { now as clockNow } from "~/lib/clock";
// Items by status over a fiscal year, month by month (for the action plan's chart). Pure.
import { jstInstant } from "~/lib/jst";

export const ITEM_STATUSES = ["PLANNED", "IN_PROGRESS", "DONE", "DROPPED"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface TimelineItem {
  createdAt: Date;
  /** Status changes in any order; the status before the first change is PLANNED. */
  changes: { date: Date; status: ItemStatus }[];
}

export type TimelineRow = { month: string } & Record<ItemStatus, number>;

/** For each month-end of the fiscal year up to `now`, how many items were in each status. */
export function statusTimeline(items: TimelineItem[], fiscalYear: number, now = clockNow()): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (let m = 0; m < 12; m++) {
    // Month boundaries in JST: fiscalYearRange's start is April 1 00:00 JST.
    const monthStart = jstInstant(fiscalYear, 4 + m, 1);
    if (monthStart > now && m > 0) break;
    const monthEnd = jstInstant(fiscalYear, 5 + m, 1);
    const at = monthEnd < now ? monthEnd : now;
    const row = {
      month: `${fiscalYear + Math.floor((3 + m) / 12)}-${String(((3 + m) % 12) + 1).padStart(2, "0")}`,
      PLANNED: 0,
      IN_PROGRESS: 0,
      DONE: 0,
      DROPPED: 0,
    };
    for (const item of items) {
      if (item.createdAt >= at) continue;
      let status: ItemStatus = "PLANNED";
      let last = new Date(0);
      for (const c of item.changes)
        if (c.date < at && c.date >= last) {
          status = c.status;
          last = c.date;
        }
      row[status]++;
    }
    rows.push(row);
  }
  return rows;
}
