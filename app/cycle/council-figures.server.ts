// The council's figures (協議会に報告する実績): ONE definition of each figure, used by the subcommittee's
// dashboard, the annual report page and its XLSX/CSV exports, so the three can never disagree. Each
// figure carries a sentence saying exactly what it counts (shown in the report's "what it counts" column).
//
// Training, per track (on-demand first half, group second half, practical):
//   enrolled      on demand: people enrolled in the year's on-demand training;
//                 sessions: distinct people holding a confirmed seat (not waitlisted, not cancelled) in a
//                 session of the year that was not cancelled.
//   completed     on demand: those enrolled in the year who finished every module of the year's curriculum,
//                 or who hold the year's on-demand certificate;
//                 sessions: distinct people with a confirmed seat who were checked in on every day of a
//                 session of the year that was not cancelled.
//   certificates  certificates (修了証) of the track for the year, not revoked — including those recorded
//                 for people who did the training without a session on this platform.
// Years before the platform (REPORTED_FUNNELS) carry only the council's published completions.
//
// Why FY2025 once showed 0 on every training row: the report showed only "participants" (enrolments in
// the year's sessions), and the year's only record is a certificate with no session behind it. The
// certificate is now a figure of its own, and each row says what it counts.
import { prisma } from "~/db.server";
import { councilCache, councilStamps, type CouncilStamps } from "~/lib/council-version.server";
import { stampedCache } from "~/lib/stamped-cache.server";
import { now } from "~/lib/clock";
import { REPORTED_FUNNELS } from "~/scheduling/funnel.server";
import { curriculumSlugs } from "~/training/training.server";

export type TrackKey = "basicFirst" | "basicSecond" | "practical";
export const TRACKS: { key: TrackKey; certificateTrack: string; sessionTrack: string | null }[] = [
  { key: "basicFirst", certificateTrack: "basic-ondemand", sessionTrack: null },
  { key: "basicSecond", certificateTrack: "basic-group", sessionTrack: "basic-group" },
  { key: "practical", certificateTrack: "practical", sessionTrack: "practical" },
];

export type FigureKey =
  | `${TrackKey}.${"enrolled" | "completed" | "certificates"}`
  | "sessionsHeld"
  | "officesSubmitted"
  | "meetingsHeld"
  | "meetingOfficesRegistered"
  | "meetingOffices"
  | "meetingPeople"
  | "plansFiled"
  | "plansCompleted"
  | "itemsDone"
  | "peerActivities";

export interface Figure {
  key: FigureKey;
  programme: "training" | "evaluation";
  /** null: not counted for this year (shown as "—"). */
  value: number | null;
}

export interface CouncilFigures {
  fiscalYear: number;
  /** False for years before the platform: only the council's published completions exist. */
  trainingCounted: boolean;
  figures: Figure[];
  /** The same figures by key. */
  byKey: Record<FigureKey, number | null>;
}

type TrainingRow = Record<`${"group" | "practical"}${"Enrolled" | "Completed"}`, number> & {
  onDemandEnrolled: number;
  held: number;
  certificates: Record<string, number>;
  meetings: number;
  registeredOffices: number;
  attendedOffices: number;
  attendedPeople: number;
};

async function onDemandCompleted(fiscalYear: number): Promise<Set<number>> {
  const slugs = await curriculumSlugs(fiscalYear);
  const done = new Set<number>();
  if (slugs.length) {
    const rows = await prisma.$queryRaw<{ userId: number }[]>`
      SELECT p."userId" FROM "ModuleProgress" p
      JOIN "TrainingEnrollment" e ON e."userId" = p."userId" AND e."fiscalYear" = ${fiscalYear}
      WHERE p.slug = ANY(${slugs}) AND p."completedAt" IS NOT NULL
      GROUP BY p."userId" HAVING COUNT(DISTINCT p.slug) = ${slugs.length}`;
    for (const r of rows) done.add(r.userId);
  }
  const certs = await prisma.certificate.findMany({
    where: { fiscalYear, track: "basic-ondemand", revokedAt: null },
    select: { userId: true },
  });
  for (const c of certs) done.add(c.userId);
  return done;
}

type CycleCounts = { submitted: number; plans: { filed: number; completed: number; itemsDone: number }; peer: number };
// The self-evaluation cycle's counts (sheets submitted, plans, peer activities) read every plan and item of the year
// at the national scale: kept until the council's version moves (decision 067). They do not depend on the time.
const cycleCache = councilCache<CycleCounts>();

async function computeCycleCounts(fiscalYear: number): Promise<CycleCounts> {
  const [submitted, [plans], peer] = await Promise.all([
    prisma.evaluation.count({ where: { fiscalYear, status: "SUBMITTED" } }),
    prisma.$queryRaw<{ filed: number; completed: number; itemsDone: number }[]>`
      SELECT COUNT(*) FILTER (WHERE p.status <> 'DRAFT')::int AS filed,
             COUNT(*) FILTER (WHERE p.status <> 'DRAFT' AND s.items > 0 AND s.open = 0)::int AS completed,
             COALESCE(SUM(s.done) FILTER (WHERE p.status <> 'DRAFT'), 0)::int AS "itemsDone"
      FROM "ActionPlan" p
      LEFT JOIN LATERAL (
        SELECT COUNT(*)::int AS items,
               COUNT(*) FILTER (WHERE i.status = 'DONE')::int AS done,
               COUNT(*) FILTER (WHERE i.status IN ('PLANNED', 'IN_PROGRESS'))::int AS open
        FROM "ActionPlanItem" i WHERE i."planId" = p.id) s ON true
      WHERE p."fiscalYear" = ${fiscalYear}`,
    prisma.peerActivity.count({ where: { fiscalYear } }),
  ]);
  return { submitted, plans, peer };
}

type TrainingCounts = {
  row: TrainingRow;
  /** The people who completed the year's on-demand training. */
  onDemandDone: number;
  /** The instants between which `held` and `meetings` stay as counted: the first day or meeting still to start. */
  from: number;
  until: number;
};
// The training records' and sharing meetings' counts, kept until the training version moves (decision 069) or the
// next session day or meeting of the year starts (what `held` and `meetings` count changes with the time alone).
const trainingCache = stampedCache<TrainingCounts>();

async function trainingCounts(fiscalYear: number, at: Date, stamp: string): Promise<TrainingCounts> {
  const key = String(fiscalYear);
  const compute = () => computeTrainingCounts(fiscalYear, at);
  const cached = trainingCache.get(key, stamp, compute);
  const counts = await cached;
  if (at.getTime() >= counts.from && at.getTime() < counts.until) return counts;
  trainingCache.drop(key, cached);
  return trainingCache.get(key, stamp, compute);
}

async function computeTrainingCounts(fiscalYear: number, at: Date): Promise<TrainingCounts> {
  const [[row], onDemandDone] = await Promise.all([
    prisma.$queryRaw<(TrainingRow & { nextStart: Date | null })[]>`
      WITH seats AS (
        SELECT en.id, en."userId", s.id AS "sessionId", s.track
        FROM "SessionEnrollment" en JOIN "TrainingSession" s ON s.id = en."sessionId"
        WHERE s."fiscalYear" = ${fiscalYear} AND s.status <> 'cancelled' AND en.status = 'enrolled'
      ),
      attended AS (
        SELECT seats.*, (SELECT COUNT(*) FROM "SessionDay" d WHERE d."sessionId" = seats."sessionId") AS days,
               (SELECT COUNT(*) FROM "SessionAttendance" a JOIN "SessionDay" d ON d.id = a."dayId"
                 WHERE a."enrollmentId" = seats.id AND d."sessionId" = seats."sessionId") AS present
        FROM seats
      )
      SELECT
        (SELECT COUNT(*)::int FROM "TrainingEnrollment" e WHERE e."fiscalYear" = ${fiscalYear}) AS "onDemandEnrolled",
        (SELECT COUNT(DISTINCT "userId")::int FROM seats WHERE track = 'basic-group') AS "groupEnrolled",
        (SELECT COUNT(DISTINCT "userId")::int FROM seats WHERE track = 'practical') AS "practicalEnrolled",
        (SELECT COUNT(DISTINCT "userId")::int FROM attended WHERE track = 'basic-group' AND days > 0 AND present = days) AS "groupCompleted",
        (SELECT COUNT(DISTINCT "userId")::int FROM attended WHERE track = 'practical' AND days > 0 AND present = days) AS "practicalCompleted",
        (SELECT COUNT(*)::int FROM "TrainingSession" s
          WHERE s."fiscalYear" = ${fiscalYear} AND s.status <> 'cancelled'
            AND EXISTS (SELECT 1 FROM "SessionDay" d WHERE d."sessionId" = s.id AND d."startsAt" <= ${at})) AS held,
        -- The year's certificates by track, and the sharing meetings' figures, in the same statement (issue 13: were two more).
        (SELECT COALESCE(json_object_agg(c.track, c.n), '{}'::json)
           FROM (SELECT track, COUNT(*)::int AS n FROM "Certificate"
                  WHERE "fiscalYear" = ${fiscalYear} AND "revokedAt" IS NULL GROUP BY track) c) AS certificates,
        (SELECT COUNT(*)::int FROM "SharingMeeting" m WHERE m."fiscalYear" = ${fiscalYear} AND m."startsAt" <= ${at}) AS meetings,
        r."registeredOffices", r."attendedOffices", r."attendedPeople",
        -- When "held" or "meetings" would next change: the first day of a session or meeting of the year after now.
        LEAST(
          (SELECT MIN(d."startsAt") FROM "SessionDay" d JOIN "TrainingSession" s ON s.id = d."sessionId"
            WHERE s."fiscalYear" = ${fiscalYear} AND s.status <> 'cancelled' AND d."startsAt" > ${at}),
          (SELECT MIN(m."startsAt") FROM "SharingMeeting" m WHERE m."fiscalYear" = ${fiscalYear} AND m."startsAt" > ${at})
        ) AS "nextStart"
      FROM (
        SELECT COUNT(DISTINCT r."officeId")::int AS "registeredOffices",
               COUNT(DISTINCT r."officeId") FILTER (WHERE r.attended)::int AS "attendedOffices",
               COALESCE(SUM(r."attendedCount") FILTER (WHERE r.attended), 0)::int AS "attendedPeople"
          FROM "MeetingRegistration" r JOIN "SharingMeeting" m ON m.id = r."meetingId"
         WHERE m."fiscalYear" = ${fiscalYear}) r`,
    onDemandCompleted(fiscalYear),
  ]);
  const { nextStart, ...counts } = row!;
  // Counted as of `at`, so true from the last day or meeting that started before it: kept only from `at` on.
  return { row: counts, onDemandDone: onDemandDone.size, from: at.getTime(), until: nextStart ? nextStart.getTime() : Infinity };
}

/** `stamps`: the council's and the training version when the caller has read them already (one statement fewer). */
export async function councilFigures(fiscalYear: number, at: Date = now(), stamps?: CouncilStamps): Promise<CouncilFigures> {
  const { council, training: trainingStamp } = stamps ?? (await councilStamps());
  const [{ row: training, onDemandDone }, { submitted, plans, peer }] = await Promise.all([
    trainingCounts(fiscalYear, at, trainingStamp),
    cycleCache.get(String(fiscalYear), () => computeCycleCounts(fiscalYear), council),
  ]);
  const meetings = training;

  const certs = (track: string) => training.certificates[track] ?? 0;
  const counted: Record<TrackKey, { enrolled: number; completed: number; certificates: number }> = {
    basicFirst: { enrolled: training.onDemandEnrolled, completed: onDemandDone, certificates: certs("basic-ondemand") },
    basicSecond: { enrolled: training.groupEnrolled, completed: training.groupCompleted, certificates: certs("basic-group") },
    practical: { enrolled: training.practicalEnrolled, completed: training.practicalCompleted, certificates: certs("practical") },
  };
  const anyRecord = Object.values(counted).some((c) => c.enrolled + c.completed + c.certificates > 0);
  const reported = REPORTED_FUNNELS[fiscalYear];
  const trainingCounted = !(reported && !anyRecord);
  const reportedCompleted: Record<TrackKey, number> | null =
    reported && !trainingCounted ? { basicFirst: reported.onDemand, basicSecond: reported.group, practical: reported.practical } : null;

  const figures: Figure[] = [];
  for (const tr of TRACKS) {
    const c = counted[tr.key];
    figures.push(
      { key: `${tr.key}.enrolled`, programme: "training", value: reportedCompleted ? null : c.enrolled },
      { key: `${tr.key}.completed`, programme: "training", value: reportedCompleted ? reportedCompleted[tr.key] : c.completed },
      { key: `${tr.key}.certificates`, programme: "training", value: reportedCompleted ? null : c.certificates },
    );
  }
  figures.push(
    { key: "sessionsHeld", programme: "training", value: reportedCompleted ? null : training.held },
    { key: "officesSubmitted", programme: "evaluation", value: submitted },
    { key: "meetingsHeld", programme: "evaluation", value: meetings.meetings },
    { key: "meetingOfficesRegistered", programme: "evaluation", value: meetings.registeredOffices },
    { key: "meetingOffices", programme: "evaluation", value: meetings.attendedOffices },
    { key: "meetingPeople", programme: "evaluation", value: meetings.attendedPeople },
    { key: "plansFiled", programme: "evaluation", value: plans.filed },
    { key: "plansCompleted", programme: "evaluation", value: plans.completed },
    { key: "itemsDone", programme: "evaluation", value: plans.itemsDone },
    { key: "peerActivities", programme: "evaluation", value: peer },
  );
  const byKey = Object.fromEntries(figures.map((f) => [f.key, f.value])) as Record<FigureKey, number | null>;
  return { fiscalYear, trainingCounted, figures, byKey };
}

/** The message keys of a figure's name and of the sentence saying what it counts. */
export function figureLabel(key: FigureKey) {
  return { name: `figures.${key}` as const, counts: `figures.${key}.counts` as const };
}
