// iCalendar (RFC 5545) output for sessions, written by ical-generator (decision 065): VTIMEZONE Asia/Tokyo,
// CRLF line endings, lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped.
import ical, { ICalCalendarMethod, ICalEventStatus, escape, foldLines } from "ical-generator";
import { DateTime } from "luxon";

export interface IcsEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  cancelled?: boolean;
  /** Last change, for DTSTAMP/LAST-MODIFIED. */
  stamp: Date;
}

const ZONE = "Asia/Tokyo";

/** TEXT escaping: backslash, semicolon, comma, newline (the library's own). */
export function escapeText(value: string): string {
  return escape(value, false);
}

/** Folds content lines so that no line exceeds 75 octets (the library's own; continuation lines start with a space). */
export function foldLine(line: string): string {
  return foldLines(line);
}

/** The fixed Tokyo zone (no daylight saving): the library asks for the VTIMEZONE block to embed. */
export const VTIMEZONE_TOKYO = [
  "BEGIN:VTIMEZONE",
  `TZID:${ZONE}`,
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "TZOFFSETFROM:+0900",
  "TZOFFSETTO:+0900",
  "TZNAME:JST",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** A date the library writes as local time in Asia/Tokyo whatever the server's own zone (a plain Date would not be). */
const tokyo = (date: Date) => DateTime.fromJSDate(date, { zone: ZONE });

export function buildCalendar(events: IcsEvent[], name: string): string {
  const calendar = ical({
    name,
    prodId: { company: "Tsunagu", product: "Training sessions", language: "JA" },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone name: the library would then write DTSTAMP and LAST-MODIFIED as local times, where
    // RFC 5545 wants UTC. The events carry the zone, and the generator supplies its VTIMEZONE block.
    timezone: { name: null, generator: (zone) => (zone === ZONE ? VTIMEZONE_TOKYO.join("\r\n") : null) },
    x: [{ key: "X-WR-TIMEZONE", value: ZONE }],
  });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      stamp: e.stamp,
      lastModified: e.stamp,
      start: tokyo(e.start),
      end: tokyo(e.end),
      timezone: ZONE,
      summary: e.summary,
      description: e.description || null,
      location: e.location || null,
      url: e.url || null,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString() + "\r\n";
}
