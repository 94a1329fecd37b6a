import { describe, expect, it } from "vitest";
import { jstDateString, jstInstant, jstParts, parseJstDate, startOfJstDay } from "./jst";

describe("JST", () => {
  it("reads an instant's calendar parts in Japan, across the UTC date line", () => {
    expect(jstParts(new Date("2026-03-31T15:00:00Z"))).toMatchObject({ year: 2026, month: 4, day: 1, hour: 0, weekday: 3 });
    expect(jstParts(new Date("2026-03-31T14:59:59Z"))).toMatchObject({ month: 3, day: 31, hour: 23, minute: 59, second: 59 });
  });
  it("makes the instant of a JST wall-clock time, months overflowing like Date.UTC", () => {
    expect(jstInstant(2026, 4, 1).toISOString()).toBe("2026-03-31T15:00:00.000Z");
    expect(jstInstant(2026, 13, 1, 9, 30).toISOString()).toBe("2027-01-01T00:30:00.000Z");
  });
  it("parses form dates as JST and refuses dates that do not exist", () => {
    expect(parseJstDate("2026-12-01")?.toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(parseJstDate("2026-12-01", "09:30")?.toISOString()).toBe("2026-12-01T00:30:00.000Z");
    expect(parseJstDate("2026-02-30")).toBeNull();
    expect(parseJstDate("2026-13-01")).toBeNull();
    expect(parseJstDate("2026-12-01", "24:00")).toBeNull();
    expect(parseJstDate("20261201")).toBeNull();
  });
  it("gives the JST date of an instant and the start of its day", () => {
    expect(jstDateString(new Date("2026-11-30T15:00:00Z"))).toBe("2026-12-01");
    expect(jstDateString(new Date("2026-11-30T14:59:59Z"))).toBe("2026-11-30");
    expect(startOfJstDay(new Date("2026-12-01T10:00:00Z")).toISOString()).toBe("2026-11-30T15:00:00.000Z");
  });
});
