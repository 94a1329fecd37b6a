// Training figures for the dashboard and the annual report: per track, the trainees who took part and
// those who completed it (the funnel from app/scheduling/funnel.server.ts, reused), and the sessions held.
// Participants: enrolled in the year's on-demand training, or enrolled in a group / practical session of
// the year that was not cancelled. Sessions held: not cancelled, with a day that has already begun.
import { prisma } from "~/db.server";
import { trainingFunnel } from "~/scheduling/funnel.server";

export interface TrainingFigures {
  /** False when a figure is not counted (shown as "—"); the council's reported years have no participants. */
  available: boolean;
  tracks: { key: "basicFirst" | "basicSecond" | "practical"; participants: number | null; completed: number | null }[];
  sessionsHeld: number | null;
}

export async function trainingFigures(fiscalYear: number): Promise<TrainingFigures> {
  const [funnel, [row]] = await Promise.all([
    trainingFunnel(fiscalYear),
    prisma.$queryRaw<{ onDemand: number; group: number; practical: number; held: number }[]>`
      SELECT
        (SELECT COUNT(*)::int FROM "TrainingEnrollment" e WHERE e."fiscalYear" = ${fiscalYear}) AS "onDemand",
        (SELECT COUNT(DISTINCT en."userId")::int FROM "SessionEnrollment" en JOIN "TrainingSession" s ON s.id = en."sessionId"
          WHERE s."fiscalYear" = ${fiscalYear} AND s.track = 'basic-group' AND s.status <> 'cancelled' AND en.status = 'enrolled') AS "group",
        (SELECT COUNT(DISTINCT en."userId")::int FROM "SessionEnrollment" en JOIN "TrainingSession" s ON s.id = en."sessionId"
          WHERE s."fiscalYear" = ${fiscalYear} AND s.track = 'practical' AND s.status <> 'cancelled' AND en.status = 'enrolled') AS "practical",
        (SELECT COUNT(*)::int FROM "TrainingSession" s
          WHERE s."fiscalYear" = ${fiscalYear} AND s.status <> 'cancelled'
            AND EXISTS (SELECT 1 FROM "SessionDay" d WHERE d."sessionId" = s.id AND d."startsAt" <= now())) AS held`,
  ]);
  // Years before the platform carry only the council's published completions.
  const participants = (n: number) => (funnel.reported ? null : n);
  return {
    available: !funnel.reported,
    tracks: [
      { key: "basicFirst", participants: participants(row.onDemand), completed: funnel.onDemand },
      { key: "basicSecond", participants: participants(row.group), completed: funnel.group },
      { key: "practical", participants: participants(row.practical), completed: funnel.practical },
    ],
    sessionsHeld: funnel.reported ? null : row.held,
  };
}
