// The trainee's (and the committee's) list of sessions at /sessions: upcoming sessions, their own
// enrolments and places, certificates and the calendar feed. Read only: nothing here writes.
import { can } from "~/auth/capabilities";
import type { SessionUser } from "~/auth/session.server";
import { caseLinks } from "~/cases/cases.server";
import { prisma } from "~/db.server";
import { now as clockNow } from "~/lib/clock";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { trainingFunnel } from "./funnel.server";
import { refusalFor, seatsLeft, waitlistPlace } from "./rules";
import {
  onDemandComplete,
  overlapping,
  prerequisiteChecker,
  prerequisitesFor,
  sessionCounts,
  sessionInclude,
  sessionTitle,
} from "./scheduling.server";
import { inLocale } from "~/i18n";

export async function sessionsPage(user: SessionUser, locale: string) {
  const now = clockNow();
  // The upcoming sessions and the user's own (past ones too) in one read with their days (two statements; were
  // four: each list with its days), then the user's enrolments on their own.
  const [read, enrolments] = await Promise.all([
    prisma.trainingSession.findMany({
      where: { OR: [{ days: { some: { endsAt: { gte: now } } } }, { enrollments: { some: { userId: user.id } } }] },
      include: sessionInclude,
    }),
    prisma.sessionEnrollment.findMany({
      where: { userId: user.id },
      select: { id: true, sessionId: true, status: true },
      orderBy: { queuedAt: "desc" },
    }),
  ]);
  const byId = new Map(read.map((s) => [s.id, s]));
  const mine = enrolments.flatMap((e) => {
    const session = byId.get(e.sessionId);
    return session ? [{ ...e, session }] : [];
  });
  const sessions = read.filter((s) => s.days.some((d) => d.endsAt >= now));
  sessions.sort((a, b) => (a.days[0]?.startsAt.getTime() ?? 0) - (b.days[0]?.startsAt.getTime() ?? 0));
  const [counts, certificates, feed] = await Promise.all([
    sessionCounts(sessions.map((s) => s.id)),
    prisma.certificate.findMany({ where: { userId: user.id }, orderBy: [{ fiscalYear: "desc" }, { issuedAt: "desc" }] }),
    prisma.calendarFeedToken.findFirst({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" } }),
  ]);
  const fy = fiscalYearOf(now);
  // Whether the on-demand track of a year is complete, read once per year for the claim below and the prerequisites.
  const onDemandRead = new Map<number, Promise<boolean>>();
  const onDemandOf = (year: number) => {
    if (!onDemandRead.has(year)) onDemandRead.set(year, onDemandComplete(user.id, year));
    return onDemandRead.get(year)!;
  };
  // The on-demand track completes without a session: offer the trainee an explicit request.
  const onDemandClaimable =
    can(user, "enrolInSessions") && !certificates.some((c) => c.track === "basic-ondemand" && c.fiscalYear === fy) && (await onDemandOf(fy))
      ? fy
      : null;
  const status = new Map(mine.map((e) => [e.sessionId, e.status]));
  // The trainee's place on each waitlist they are on.
  const waiting = mine.filter((e) => e.status === "waitlisted");
  const queues = waiting.length
    ? await prisma.sessionEnrollment.findMany({
        where: { sessionId: { in: waiting.map((e) => e.sessionId) }, status: "waitlisted" },
        select: { id: true, sessionId: true, queuedAt: true },
      })
    : [];
  const places = new Map(
    waiting.map((e) => [
      e.sessionId,
      waitlistPlace(
        queues.filter((q) => q.sessionId === e.sessionId),
        e.id,
      ),
    ]),
  );
  // For a trainee, each session says whether it can be taken, and if not why (the same rule as the session page).
  const isTrainee = can(user, "enrolInSessions");
  const factsOf = (s: (typeof sessions)[number]) => ({
    status: s.status,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    startsAt: s.days[0]?.startsAt ?? null,
  });
  // Prerequisites are read only for the sessions nothing else already rules out.
  const open = isTrainee ? sessions.filter((s) => refusalFor(factsOf(s), now, status.get(s.id) ?? null, true) === null) : [];
  const meets = await prerequisiteChecker(user.id, open, {
    certificates: certificates.map((c) => ({ track: c.track, fiscalYear: c.fiscalYear, revoked: !!c.revokedAt })),
    onDemandComplete: onDemandOf,
  });
  // The practical track needs the basic group track: the list links to an upcoming group session.
  const groupSession = sessions.find((s) => s.track === "basic-group" && s.status !== "cancelled");
  return {
    isTrainee,
    sessions: sessions.map((s) => {
      const c = counts.get(s.id)!;
      const refusal = isTrainee ? refusalFor(factsOf(s), now, status.get(s.id) ?? null, meets(s)) : null;
      return {
        id: s.id,
        title: sessionTitle(s, locale),
        track: s.track,
        cancelled: s.status === "cancelled",
        days: s.days,
        place: s.venue || null,
        online: !!s.onlineUrl,
        seats: seatsLeft(s.capacity, c.enrolled),
        waiting: c.waitlisted,
        mine: status.get(s.id) ?? null,
        myPlace: places.get(s.id) ?? null,
        refusal,
        /** What is missing when the prerequisite is not met: the track to finish first, its year, and a link. */
        missing:
          refusal === "prerequisites-missing"
            ? s.track === "basic-group"
              ? { need: "basic-ondemand" as const, fiscalYear: s.fiscalYear, href: "/training" }
              : { need: "basic-group" as const, fiscalYear: s.fiscalYear, href: groupSession ? `/sessions/${groupSession.id}` : null }
            : null,
      };
    }),
    mine: mine
      .filter((e) => e.status !== "cancelled")
      .map((e) => ({
        id: e.sessionId,
        title: sessionTitle(e.session, locale),
        status: e.status,
        myPlace: places.get(e.sessionId) ?? null,
        days: e.session.days,
        cancelled: e.session.status === "cancelled",
      })),
    certificates: certificates.map((c) => ({
      id: c.id,
      track: c.track,
      fiscalYear: c.fiscalYear,
      serial: c.serial,
      revoked: !!c.revokedAt,
      issuedAt: c.issuedAt,
    })),
    feedCreatedAt: feed?.createdAt ?? null,
    onDemandClaimable,
  };
}

/** The committee's planning list (/committee/sessions): the year's sessions in date order, with places and the funnel. */
export async function committeeSessionsPage(year: number, locale: string) {
  const sessions = await prisma.trainingSession.findMany({ where: { fiscalYear: year }, include: sessionInclude });
  sessions.sort((a, b) => (a.days[0]?.startsAt.getTime() ?? 0) - (b.days[0]?.startsAt.getTime() ?? 0));
  const [counts, funnel] = await Promise.all([sessionCounts(sessions.map((s) => s.id)), trainingFunnel(year)]);
  return {
    funnel,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: sessionTitle(s, locale),
      track: s.track,
      cancelled: s.status === "cancelled",
      days: s.days,
      capacity: s.capacity,
      enrolled: counts.get(s.id)?.enrolled ?? 0,
      waitlisted: counts.get(s.id)?.waitlisted ?? 0,
    })),
  };
}

/** Whether a session exists (an action's 404 before it reads the form). */
export async function sessionExists(id: number): Promise<boolean> {
  return (await prisma.trainingSession.count({ where: { id } })) > 0;
}

/**
 * One session's page (/sessions/:id): its facts and places, and for a trainee their own enrolment, place on the
 * waitlist, prerequisites, overlaps and why they may not enrol; the case work links the user may follow. Null
 * when there is no such session.
 */
export async function sessionPage(user: SessionUser, id: number, locale: string) {
  const s = await prisma.trainingSession.findUnique({ where: { id }, include: sessionInclude });
  if (!s) return null;
  const isTrainee = can(user, "enrolInSessions");
  // The session's enrolments in one statement: its places, the user's own enrolment and the waitlist's order (were
  // three: a count per status, the user's row, the waitlist).
  const enrolments = prisma.sessionEnrollment.findMany({
    where: { sessionId: s.id },
    select: { id: true, userId: true, status: true, queuedAt: true },
  });
  const myStatus = enrolments.then((rows) => rows.find((e) => e.userId === user.id)?.status ?? null);
  myStatus.catch(() => {}); // a failed read is answered through `enrolments` below; caseLinks may not await this
  const [all, prereq, overlapsWith, cases] = await Promise.all([
    enrolments,
    isTrainee ? prerequisitesFor(user.id, s) : Promise.resolve(false),
    isTrainee ? overlapping(user.id, s, locale) : Promise.resolve([]),
    caseLinks(user, s.id, myStatus),
  ]);
  const mine = all.find((e) => e.userId === user.id) ?? null;
  const waitlisted = all.filter((e) => e.status === "waitlisted");
  const c = { enrolled: all.filter((e) => e.status === "enrolled").length, waitlisted: waitlisted.length };
  const status = mine?.status ?? null;
  const refusal = isTrainee
    ? refusalFor(
        { status: s.status, opensAt: s.opensAt, closesAt: s.closesAt, startsAt: s.days[0]?.startsAt ?? null },
        clockNow(),
        status,
        prereq,
      )
    : null;
  return {
    session: {
      id: s.id,
      title: sessionTitle(s, locale),
      description: inLocale(locale, s.descriptionJa, s.descriptionEn),
      track: s.track,
      cancelled: s.status === "cancelled",
      cancelReason: s.cancelReason,
      days: s.days,
      venue: s.venue,
      onlineUrl: s.onlineUrl,
      facilitators: s.facilitators,
      pillars: s.pillars,
      goalCodes: s.goalCodes,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      capacity: s.capacity,
      prerequisite: s.prerequisite,
      seats: seatsLeft(s.capacity, c.enrolled),
      waiting: c.waitlisted,
    },
    isTrainee,
    status,
    place: mine && status === "waitlisted" ? waitlistPlace(waitlisted, mine.id) : null,
    prereq,
    refusal,
    overlapsWith,
    cases,
  };
}
