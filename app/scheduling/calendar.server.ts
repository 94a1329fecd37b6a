import { prisma } from "~/db.server";
import { buildCalendar, type IcsEvent } from "./ics";
import { sessionInclude, userForFeedToken, type SessionWithDays } from "./scheduling.server";

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

/** An iCalendar file's text and the name to save it under. */
export interface CalendarFile {
  text: string;
  filename?: string;
}

/**
 * The private feed behind /calendar/<token>.ics: the sessions the token's owner is enrolled in or waiting for.
 * The token is the only key; null when it is malformed, unknown, revoked or its owner is inactive.
 */
export async function feedCalendar(token: string, origin: string): Promise<CalendarFile | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const user = await userForFeedToken(token);
  if (!user) return null;
  const rows = await prisma.sessionEnrollment.findMany({
    where: { userId: user.id, status: { in: ["enrolled", "waitlisted"] } },
    include: { session: { include: sessionInclude } },
  });
  const events = rows.flatMap((r) => sessionEvents(r.session, origin, r.status === "waitlisted"));
  return { text: buildCalendar(events, "つなぐ 研修 / Tsunagu sessions") };
}

/** One session as an iCalendar file (any signed-in user may add a session to their calendar); null if none. */
export async function sessionCalendar(id: number, origin: string): Promise<CalendarFile | null> {
  const s = await prisma.trainingSession.findUnique({ where: { id }, include: sessionInclude });
  if (!s) return null;
  return { text: buildCalendar(sessionEvents(s, origin, false), s.titleJa), filename: `session-${s.id}.ics` };
}
