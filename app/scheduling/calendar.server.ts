import type { IcsEvent } from "./ics";
import type { SessionWithDays } from "./scheduling.server";

/** One event per day of the session. */
export function sessionEvents(s: SessionWithDays, origin: string, waitlisted: boolean): IcsEvent[] {
  const n = s.days.length;
  return s.days.map((d, i) => ({
    uid: `session-${s.id}-day-${d.id}@tsunagu`,
    start: d.startsAt,
    end: d.endsAt,
    summary: `${waitlisted ? "（キャンセル待ち）" : ""}${s.titleJa}${n > 1 ? `（${i + 1}/${n}日目）` : ""}`,
    description: [
      s.descriptionJa,
      s.facilitators ? `ファシリテーター: ${s.facilitators}` : "",
      s.onlineUrl ? `オンライン: ${s.onlineUrl}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
    location: s.venue || s.onlineUrl || undefined,
    url: `${origin}/sessions/${s.id}`,
    cancelled: s.status === "cancelled",
    stamp: s.updatedAt,
  }));
}
