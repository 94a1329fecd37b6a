import { describe, expect, it } from "vitest";
import { allowedMissed, completionOutcome, minutesProblem, missedMinutes } from "./attendance";

const d = (s: string) => new Date(s);
// Two days of 360 minutes (10:00–16:00 JST).
const day1 = { startsAt: d("2027-01-15T01:00:00Z"), endsAt: d("2027-01-15T07:00:00Z") };
const day2 = { startsAt: d("2027-01-22T01:00:00Z"), endsAt: d("2027-01-22T07:00:00Z") };

describe("the completion rule", () => {
  it("bounds late and early minutes by the day", () => {
    expect(minutesProblem(0, 0, 360)).toBeNull();
    expect(minutesProblem(360, 0, 360)).toBeNull();
    expect(minutesProblem(180, 180, 360)).toBeNull();
    expect(minutesProblem(-1, 0, 360)).toBe("out-of-range");
    expect(minutesProblem(0, 361, 360)).toBe("out-of-range");
    expect(minutesProblem(200, 161, 360)).toBe("exceeds-day");
    expect(minutesProblem(1.5, 0, 360)).toBe("not-whole");
  });
  it("defaults to 10% of the total, rounded down, unless the committee set a figure", () => {
    expect(allowedMissed(720, null)).toBe(72);
    expect(allowedMissed(725, undefined)).toBe(72);
    expect(allowedMissed(720, 0)).toBe(0);
    expect(allowedMissed(720, 300)).toBe(300);
  });
  it("counts a missed day whole and a day attended by its late and early minutes", () => {
    expect(
      missedMinutes([
        { ...day1, attended: true, lateMinutes: 20, earlyMinutes: 10 },
        { ...day2, attended: false },
      ]),
    ).toBe(390);
  });
  it("decides complete, complete after make-up, or incomplete", () => {
    const within = [
      { ...day1, attended: true, lateMinutes: 72 },
      { ...day2, attended: true },
    ];
    expect(completionOutcome(within, null, []).outcome).toBe("complete");
    const over = [
      { ...day1, attended: true, lateMinutes: 73 },
      { ...day2, attended: true },
    ];
    expect(completionOutcome(over, null, [])).toMatchObject({ outcome: "incomplete", missed: 73, allowed: 72, outstanding: 1 });
    // A make-up not yet done counts for nothing; done, it brings the missing time within the rule.
    expect(completionOutcome(over, null, [{ minutes: 60, done: false }]).outcome).toBe("incomplete");
    expect(completionOutcome(over, null, [{ minutes: 1, done: true }])).toMatchObject({
      outcome: "complete-after-make-up",
      madeUp: 1,
      outstanding: 0,
    });
    const absent = [
      { ...day1, attended: true },
      { ...day2, attended: false },
    ];
    expect(completionOutcome(absent, null, [{ minutes: 200, done: true }])).toMatchObject({ outcome: "incomplete", outstanding: 88 });
    expect(
      completionOutcome(absent, null, [
        { minutes: 200, done: true },
        { minutes: 100, done: true },
      ]).outcome,
    ).toBe("complete-after-make-up");
    expect(completionOutcome(absent, 360, []).outcome).toBe("complete");
  });
});
