import { describe, expect, it } from "vitest";
import { allowedMissed, completionOutcome, dayLength, minutesProblem, missedMinutes } from "./attendance";

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

  it("measures a day in whole minutes, never below zero, and caps a day's late and early minutes at the day", () => {
    expect(dayLength(day1)).toBe(360);
    expect(dayLength({ startsAt: d("2027-01-15T01:00:00Z"), endsAt: d("2027-01-15T01:00:29Z") })).toBe(0);
    expect(dayLength({ startsAt: d("2027-01-15T01:00:00Z"), endsAt: d("2027-01-15T01:00:30Z") })).toBe(1);
    expect(dayLength({ startsAt: d("2027-01-15T02:00:00Z"), endsAt: d("2027-01-15T01:00:00Z") })).toBe(0);
    expect(missedMinutes([{ ...day1, attended: true, lateMinutes: 300, earlyMinutes: 100 }])).toBe(360);
    expect(missedMinutes([{ ...day1, attended: true, earlyMinutes: 15 }])).toBe(15);
    expect(missedMinutes([])).toBe(0);
    expect(minutesProblem(0, 0.5, 360)).toBe("not-whole");
    expect(minutesProblem(361, 0, 360)).toBe("out-of-range");
    expect(minutesProblem(0, -1, 360)).toBe("out-of-range");
    expect(minutesProblem(0, 360, 360)).toBeNull();
    expect(minutesProblem(181, 180, 360)).toBe("exceeds-day");
  });
  it("gives every figure of the outcome", () => {
    const days = [
      { ...day1, attended: true, lateMinutes: 100 },
      { ...day2, attended: true },
    ];
    expect(
      completionOutcome(days, null, [
        { minutes: 20, done: true },
        { minutes: 5, done: true },
        { minutes: 50, done: false },
      ]),
    ).toEqual({
      outcome: "incomplete",
      total: 720,
      missed: 100,
      allowed: 72,
      madeUp: 25,
      outstanding: 3,
    });
    expect(completionOutcome(days, 100, [])).toEqual({
      outcome: "complete",
      total: 720,
      missed: 100,
      allowed: 100,
      madeUp: 0,
      outstanding: 0,
    });
    expect(completionOutcome(days, 40, [{ minutes: 90, done: true }])).toEqual({
      outcome: "complete-after-make-up",
      total: 720,
      missed: 100,
      allowed: 40,
      madeUp: 90,
      outstanding: 0,
    });
  });
});
