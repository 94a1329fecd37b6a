// Training figures for the dashboard and the annual report, counted from the training capability's
// tables: the on-demand track (基礎研修 前期) — trainees enrolled for the year, and those who completed
// every module of the year's curriculum. The group-session and practical tracks and the sessions held
// come with the scheduling capability, which is not on this branch yet: those figures are null and the
// pages show "—" with a note — never an invented number. Wire them in here, in one place.
import { prisma } from "~/db.server";

export interface TrainingFigures {
  /** False while some figures are not counted yet (shown as "—"). */
  available: boolean;
  tracks: { key: "basicFirst" | "basicSecond" | "practical"; participants: number | null; completed: number | null }[];
  sessionsHeld: number | null;
}

export async function trainingFigures(fiscalYear: number): Promise<TrainingFigures> {
  const [row] = await prisma.$queryRaw<{ enrolled: number; completed: number; modules: number }[]>`
    SELECT
      (SELECT COUNT(*)::int FROM "TrainingEnrollment" e WHERE e."fiscalYear" = ${fiscalYear}) AS enrolled,
      (SELECT COUNT(*)::int FROM "CurriculumModule" c WHERE c."fiscalYear" = ${fiscalYear}) AS modules,
      (SELECT COUNT(*)::int FROM "TrainingEnrollment" e
        WHERE e."fiscalYear" = ${fiscalYear}
          AND EXISTS (SELECT 1 FROM "CurriculumModule" c WHERE c."fiscalYear" = ${fiscalYear})
          AND NOT EXISTS (
            SELECT 1 FROM "CurriculumModule" c
            WHERE c."fiscalYear" = ${fiscalYear}
              AND NOT EXISTS (SELECT 1 FROM "ModuleProgress" p WHERE p."userId" = e."userId" AND p.slug = c.slug AND p."completedAt" IS NOT NULL))) AS completed`;
  return {
    available: false,
    tracks: [
      { key: "basicFirst", participants: row.enrolled, completed: row.modules > 0 ? row.completed : null },
      { key: "basicSecond", participants: null, completed: null },
      { key: "practical", participants: null, completed: null },
    ],
    sessionsHeld: null,
  };
}
