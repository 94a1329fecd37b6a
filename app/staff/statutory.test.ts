// The refresher deadline by fiscal year (issue 20, part 2). Years count from the current fiscal year, so the
// tests hold whatever year they run in.
import { describe, expect, it } from "vitest";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { jstInstant } from "~/lib/jst";
import { dueReminder, monthsBefore, needsAttention, refresherDeadline, reminderTimes, statutoryState } from "./statutory";

const FY = currentFiscalYear();

describe("refresherDeadline", () => {
  it("is the end of the fifth fiscal year after the initial training", () => {
    const d = refresherDeadline({ initialFiscalYear: FY - 2, refresherDates: [] }, jstInstant(FY, 6, 1))!;
    expect(d.deadlineFiscalYear).toBe(FY + 3);
    expect(d.lastDay).toBe(`${FY + 4}-03-31`);
    expect(d.endsAt).toEqual(jstInstant(FY + 4, 4, 1));
    expect(d.lapsed).toBe(false);
  });

  it("counts a refresher on 31 March in the fiscal year that ends then, and one on 1 April in the next", () => {
    const march = refresherDeadline({ initialFiscalYear: FY - 4, refresherDates: [jstInstant(FY, 3, 31, 23, 59)] }, jstInstant(FY, 4, 2))!;
    expect(march.baseFiscalYear).toBe(FY - 1);
    expect(march.deadlineFiscalYear).toBe(FY + 4);
    const april = refresherDeadline({ initialFiscalYear: FY - 4, refresherDates: [jstInstant(FY, 4, 1)] }, jstInstant(FY, 4, 2))!;
    expect(april.baseFiscalYear).toBe(FY);
    expect(april.deadlineFiscalYear).toBe(FY + 5);
  });

  it("judges the date in JST: 31 March 15:30 UTC is already 1 April in Japan", () => {
    const utcLate = new Date(Date.UTC(FY, 2, 31, 15, 30));
    const d = refresherDeadline({ initialFiscalYear: FY - 3, refresherDates: [utcLate] }, jstInstant(FY, 5, 1))!;
    expect(d.baseFiscalYear).toBe(FY);
  });

  it("starts each window from the last refresher taken in time", () => {
    const d = refresherDeadline(
      { initialFiscalYear: FY - 9, refresherDates: [jstInstant(FY - 1, 10, 1), jstInstant(FY - 5, 1, 15)] },
      jstInstant(FY, 4, 1),
    )!;
    // FY-9 → refresher in FY-6 (Jan of FY-5 belongs to FY-6) → refresher in FY-1: deadline FY+4.
    expect(d.baseFiscalYear).toBe(FY - 1);
    expect(d.deadlineFiscalYear).toBe(FY + 4);
    expect(d.lapsed).toBe(false);
  });

  it("leaves a person lapsed when a refresher came after the window closed, or none came at all", () => {
    const late = refresherDeadline({ initialFiscalYear: FY - 8, refresherDates: [jstInstant(FY - 2, 4, 1)] }, jstInstant(FY, 4, 1))!;
    expect(late.deadlineFiscalYear).toBe(FY - 3);
    expect(late.lapsed).toBe(true);
    const none = refresherDeadline({ initialFiscalYear: FY - 6, refresherDates: [] }, jstInstant(FY, 4, 1))!;
    expect(none.lapsed).toBe(true);
    expect(refresherDeadline({ initialFiscalYear: FY - 6, refresherDates: [] }, jstInstant(FY, 3, 31, 23, 59))!.lapsed).toBe(false);
  });

  it("ignores a refresher before the initial training and answers null without an initial year", () => {
    const d = refresherDeadline({ initialFiscalYear: FY, refresherDates: [jstInstant(FY - 1, 5, 1)] }, jstInstant(FY, 5, 1))!;
    expect(d.baseFiscalYear).toBe(FY);
    expect(refresherDeadline({ initialFiscalYear: null, refresherDates: [jstInstant(FY, 5, 1)] }, jstInstant(FY, 5, 1))).toBeNull();
  });
});

describe("reminders and states", () => {
  const d = refresherDeadline({ initialFiscalYear: FY - 4, refresherDates: [] }, jstInstant(FY, 4, 1))!; // ends 1 April FY+2
  it("falls 12 months (1 April) and 3 months (1 January) before the window closes", () => {
    expect(reminderTimes(d)).toEqual([
      { stage: "12m", at: jstInstant(FY + 1, 4, 1) },
      { stage: "3m", at: jstInstant(FY + 2, 1, 1) },
    ]);
    expect(monthsBefore(jstInstant(FY + 2, 1, 1), 1)).toEqual(jstInstant(FY + 1, 12, 1));
  });
  it("gives the latest stage due, and nothing once the window has closed", () => {
    expect(dueReminder(d, jstInstant(FY + 1, 3, 31, 23, 59))).toBeNull();
    expect(dueReminder(d, jstInstant(FY + 1, 4, 1))).toBe("12m");
    expect(dueReminder(d, jstInstant(FY + 1, 12, 31, 23, 59))).toBe("12m");
    expect(dueReminder(d, jstInstant(FY + 2, 1, 1))).toBe("3m");
    expect(dueReminder(d, jstInstant(FY + 2, 4, 1))).toBeNull();
    expect(statutoryState(d, jstInstant(FY, 6, 1))).toBe("ok");
    expect(statutoryState(d, jstInstant(FY + 1, 6, 1))).toBe("soon");
    expect(statutoryState(d, jstInstant(FY + 2, 2, 1))).toBe("urgent");
    expect(statutoryState(null, jstInstant(FY, 6, 1))).toBe("no-record");
  });
});

describe("statutory rules the mutation run found unguarded", () => {
  it("takes a refresher in the window's last year, and sorts refreshers given in any order", () => {
    const last = refresherDeadline({ initialFiscalYear: FY - 5, refresherDates: [jstInstant(FY, 6, 1)] }, jstInstant(FY, 7, 1))!;
    expect([last.baseFiscalYear, last.lapsed]).toEqual([FY, false]);
    const unsorted = refresherDeadline(
      { initialFiscalYear: FY - 9, refresherDates: [jstInstant(FY - 1, 10, 1), jstInstant(FY - 5, 6, 1)] },
      jstInstant(FY, 4, 1),
    )!;
    expect([unsorted.baseFiscalYear, unsorted.lapsed]).toEqual([FY - 1, false]);
    // A refresher in the initial training's own year starts the window again from that year.
    const same = refresherDeadline({ initialFiscalYear: FY, refresherDates: [jstInstant(FY, 5, 1)] }, jstInstant(FY, 6, 1))!;
    expect(same.baseFiscalYear).toBe(FY);
    // After a late refresher, a later one does not repair the lapse.
    const lateThenMore = refresherDeadline(
      { initialFiscalYear: FY - 8, refresherDates: [jstInstant(FY - 2, 4, 1), jstInstant(FY, 5, 1)] },
      jstInstant(FY, 6, 1),
    )!;
    expect([lateThenMore.baseFiscalYear, lateThenMore.lapsed]).toEqual([FY - 8, true]);
  });

  it("is lapsed from the first instant after the window, whatever the reminders", () => {
    const d = refresherDeadline({ initialFiscalYear: FY - 5, refresherDates: [] }, jstInstant(FY + 1, 4, 1))!;
    expect(d.lapsed).toBe(true);
    expect(dueReminder(d, jstInstant(FY, 6, 1))).toBeNull();
    expect(statutoryState(d, jstInstant(FY, 6, 1))).toBe("lapsed");
    expect(dueReminder(null, jstInstant(FY, 6, 1))).toBeNull();
    const open = { ...d, lapsed: false };
    expect(dueReminder(open, jstInstant(FY + 1, 4, 1))).toBeNull();
    expect(dueReminder(open, jstInstant(FY + 1, 3, 31, 23, 59))).toBe("3m");
  });

  it("counts months back across a year", () => {
    expect(monthsBefore(jstInstant(FY, 4, 1), 12)).toEqual(jstInstant(FY - 1, 4, 1));
    expect(monthsBefore(jstInstant(FY, 4, 1), 3)).toEqual(jstInstant(FY, 1, 1));
    expect(monthsBefore(jstInstant(FY, 4, 1), 4)).toEqual(jstInstant(FY - 1, 12, 1));
    expect(monthsBefore(jstInstant(FY, 1, 1), 0)).toEqual(jstInstant(FY, 1, 1));
    expect(monthsBefore(jstInstant(FY, 4, 1), 15)).toEqual(jstInstant(FY - 1, 1, 1));
  });

  it("asks the manager's attention when soon, urgent or lapsed", () => {
    expect((["no-record", "ok", "soon", "urgent", "lapsed"] as const).map(needsAttention)).toEqual([false, false, true, true, true]);
  });
});
