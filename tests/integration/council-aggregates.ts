// The council's pre-computed aggregates (decision 063) recomputed from the answers, to compare with what the
// triggers keep: any difference is a write path that left them stale.
import { expect } from "vitest";
import { prisma } from "~/db.server";

type Row = Record<string, number | string>;
const key = (r: Row) => JSON.stringify(r);
const sorted = (rows: Row[]) => rows.map(key).sort();

/** Category sums per sheet and rating counts per year, ward and item, as stored and as the answers say now. */
export async function aggregatesAndRecomputation() {
  const [storedScores, recomputedScores, storedItems, recomputedItems] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT "evaluationId", "categoryCode", "ratedCount", "ratingSum" FROM "EvaluationCategoryScore" WHERE "ratedCount" <> 0 OR "ratingSum" <> 0`,
    prisma.$queryRaw<Row[]>`
      SELECT e.id AS "evaluationId", c.code AS "categoryCode", COUNT(*)::int AS "ratedCount", SUM(a.rating)::int AS "ratingSum"
      FROM "Evaluation" e
      JOIN "EvaluationAnswer" a ON a."evaluationId" = e.id
      JOIN "ChecklistItem" i ON i."templateId" = e."templateId" AND i.code = a."itemCode"
      JOIN "ChecklistCategory" c ON c.id = i."categoryId"
      WHERE a.rating IS NOT NULL AND NOT a."notApplicable"
      GROUP BY e.id, c.code`,
    prisma.$queryRaw<Row[]>`
      SELECT "fiscalYear", "wardId", "itemCode", rated1, rated2, rated3, rated4 FROM "CouncilItemCount"
      WHERE rated1 <> 0 OR rated2 <> 0 OR rated3 <> 0 OR rated4 <> 0`,
    prisma.$queryRaw<Row[]>`
      SELECT e."fiscalYear", o."wardId", a."itemCode",
             COUNT(*) FILTER (WHERE a.rating = 1)::int AS rated1, COUNT(*) FILTER (WHERE a.rating = 2)::int AS rated2,
             COUNT(*) FILTER (WHERE a.rating = 3)::int AS rated3, COUNT(*) FILTER (WHERE a.rating = 4)::int AS rated4
      FROM "Evaluation" e
      JOIN "Office" o ON o.id = e."officeId"
      JOIN "EvaluationAnswer" a ON a."evaluationId" = e.id
      WHERE e.status = 'SUBMITTED' AND a.rating BETWEEN 1 AND 4 AND NOT a."notApplicable"
      GROUP BY 1, 2, 3`,
  ]);
  return { storedScores, recomputedScores, storedItems, recomputedItems };
}

/** Fails when the stored aggregates differ from a recomputation from the answers. */
export async function expectAggregatesMatchAnswers() {
  const a = await aggregatesAndRecomputation();
  expect(sorted(a.storedScores)).toEqual(sorted(a.recomputedScores));
  expect(sorted(a.storedItems)).toEqual(sorted(a.recomputedItems));
  return a;
}
