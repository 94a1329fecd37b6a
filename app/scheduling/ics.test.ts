import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "./ics";

const event = {
  uid: "session-7-day-1@tsunagu",
  start: new Date("2026-12-01T00:30:00Z"), // 09:30 JST
  end: new Date("2026-12-01T07:00:00Z"), // 16:00 JST
  summary: "基礎研修 後期 第1回：地域のネットワークづくり, 演習; 事例検討",
  description: "持ち物：筆記用具\n会場：青葉区文化センター 3階 第2会議室（エレベーターあり）。当日は受付で名前をお伝えください。".repeat(2),
  location: "仙台市青葉区一番町1-2-3, 4階",
  url: "https://example.jp/sessions/7",
  stamp: new Date("2026-11-23T02:00:00Z"),
};

describe("iCalendar output", () => {
  const text = buildCalendar([event], "つなぐ 研修");

  it("uses CRLF and folds every line at 75 octets", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it("parses with ical.js, with the Asia/Tokyo zone and the escaped text intact", () => {
    const component = new ICAL.Component(ICAL.parse(text));
    const tz = component.getFirstSubcomponent("vtimezone")!;
    expect(tz.getFirstPropertyValue("tzid")).toBe("Asia/Tokyo");
    expect(tz.getFirstSubcomponent("standard")!.getFirstPropertyValue("tzoffsetto")!.toString()).toBe("+09:00");
    const vevent = new ICAL.Event(component.getFirstSubcomponent("vevent")!);
    expect(vevent.summary).toBe(event.summary);
    expect(vevent.description).toBe(event.description);
    expect(vevent.location).toBe(event.location);
    expect(vevent.uid).toBe(event.uid);
    expect(component.getFirstSubcomponent("vevent")!.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Asia/Tokyo");
    expect(vevent.startDate.hour).toBe(9);
    expect(vevent.startDate.minute).toBe(30);
    ICAL.TimezoneService.register(tz);
    expect(vevent.startDate.toJSDate().toISOString()).toBe("2026-12-01T00:30:00.000Z");
    expect(vevent.endDate.toJSDate().toISOString()).toBe("2026-12-01T07:00:00.000Z");
  });

  it("escapes TEXT and never splits a multi-byte character", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = foldLine("SUMMARY:" + "あ".repeat(60));
    for (const part of folded.split("\r\n"))
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(part))).not.toThrow();
    expect(
      folded
        .split("\r\n")
        .map((l, i) => (i ? l.slice(1) : l))
        .join(""),
    ).toBe("SUMMARY:" + "あ".repeat(60));
  });
});
