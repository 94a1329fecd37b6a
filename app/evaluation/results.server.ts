// Results of a submitted sheet: the office's category scores beside the anonymised city and ward
// medians and its own earlier years.
//
// Comparisons must not reveal a peer. A median that includes the viewer's own score lets a manager who
// knows it work out another office's (with 3 offices in a ward, own + median = a peer's rating). So the
// medians shown to an office are computed over the OTHER offices only, and each is withheld unless at
// least PEER_MIN_OTHERS other offices contribute to it; a withheld ward falls back to the city figure
// (shown in its own column), and the city is withheld by the same rule.
import { notFound } from "~/auth/permissions.server";
import { councilCache } from "~/lib/council-version.server";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { loadTemplate, type TemplateView } from "./evaluation.server";
import { categoryMediansWithout, categoryScores, sortedCategoryScores, roundScore, weakestItems, type AnswerLike } from "./scoring";

/** A comparison shown to an office needs at least this many other offices behind it. */
export const PEER_MIN_OTHERS = 5;

/** A year's submitted sheets' category scores: each office's, and the city's and each ward's sorted per category. */
type YearScores = {
  byOffice: Map<number, { wardId: number; scores: Record<string, number | null> }>;
  city: Map<string, number[]>;
  wards: Map<number, { offices: number; sorted: Map<string, number[]> }>;
};

// Category scores of every submitted sheet of a year (from the pre-computed sums, decision 063), reused until the
// council's version moves (decision 067): a sheet submitted or returned, an office moved to another ward (a submitted
// sheet's answers cannot change).
// Sorted once per year, so an office's page takes its medians without sorting 12,000 offices' scores again.
const scoresCache = councilCache<YearScores>();

function submittedScores(fiscalYear: number): Promise<YearScores> {
  return scoresCache.get(String(fiscalYear), () => computeSubmittedScores(fiscalYear));
}

async function computeSubmittedScores(fiscalYear: number): Promise<YearScores> {
  const sheets = await submittedCategoryScores({ fiscalYear });
  const byWard = new Map<number, Record<string, number | null>[]>();
  for (const e of sheets) {
    const group = byWard.get(e.wardId);
    if (group) group.push(e.scores);
    else byWard.set(e.wardId, [e.scores]);
  }
  return {
    byOffice: new Map(sheets.map((e) => [e.officeId, { wardId: e.wardId, scores: e.scores }])),
    city: sortedCategoryScores(sheets.map((e) => e.scores)),
    wards: new Map([...byWard].map(([wardId, scores]) => [wardId, { offices: scores.length, sorted: sortedCategoryScores(scores) }])),
  };
}

/**
 * Category scores of the submitted sheets (of a year, of a ward's offices, or all), read from the pre-computed sums
 * per sheet and category (decision 063), never from the answers: the same as `categoryScores` of each sheet's
 * answers (every category of its template, null where nothing is rated; the mean is the sum over the count).
 * Ordered by fiscal year, then by sheet.
 */
export async function submittedCategoryScores(filter: { fiscalYear?: number; fiscalYears?: number[]; wardId?: number | null }) {
  // One row per sheet, its categories' counts and sums as arrays (issue 13: 120,000 sheets at the national scale,
  // where a row per sheet and category made 1.1 million rows to decode).
  const rows = await prisma.$queryRaw<
    {
      officeId: number;
      wardId: number;
      fiscalYear: number;
      submittedAt: Date | null;
      templateId: number;
      codes: string[];
      counts: number[];
      sums: number[];
    }[]
  >`
    SELECT e."officeId", o."wardId", e."fiscalYear", e."submittedAt", e."templateId",
           COALESCE(array_agg(s."categoryCode") FILTER (WHERE s."categoryCode" IS NOT NULL), '{}') AS codes,
           COALESCE(array_agg(s."ratedCount") FILTER (WHERE s."categoryCode" IS NOT NULL), '{}') AS counts,
           COALESCE(array_agg(s."ratingSum") FILTER (WHERE s."categoryCode" IS NOT NULL), '{}') AS sums
    FROM "Evaluation" e
    JOIN "Office" o ON o.id = e."officeId"
    LEFT JOIN "EvaluationCategoryScore" s ON s."evaluationId" = e.id AND s."ratedCount" > 0
    WHERE e.status = 'SUBMITTED'
      ${filter.fiscalYear === undefined ? Prisma.empty : Prisma.sql`AND e."fiscalYear" = ${filter.fiscalYear}`}
      ${filter.fiscalYears === undefined ? Prisma.empty : Prisma.sql`AND e."fiscalYear" = ANY(${filter.fiscalYears})`}
      ${filter.wardId ? Prisma.sql`AND o."wardId" = ${filter.wardId}` : Prisma.empty}
    GROUP BY e.id, o."wardId"
    ORDER BY e."fiscalYear", e.id`;
  const result: {
    officeId: number;
    wardId: number;
    fiscalYear: number;
    submittedAt: Date | null;
    template: TemplateView;
    scores: Record<string, number | null>;
  }[] = [];
  // Each template's categories, in the order of its items, looked up once rather than once per sheet.
  const templates = new Map<number, { template: TemplateView; codes: string[] }>();
  for (const r of rows) {
    let known = templates.get(r.templateId);
    if (!known) {
      const template = (await loadTemplate(r.templateId))!;
      known = { template, codes: [...new Set(template.items.map((item) => item.categoryCode))] };
      templates.set(r.templateId, known);
    }
    const { template, codes } = known;
    const scores: Record<string, number | null> = {};
    for (const code of codes) scores[code] = null;
    r.codes.forEach((code, i) => {
      if (code in scores) scores[code] = r.sums[i] / r.counts[i];
    });
    result.push({ officeId: r.officeId, wardId: r.wardId, fiscalYear: r.fiscalYear, submittedAt: r.submittedAt, template, scores });
  }
  return result;
}

export async function resultsFor(officeId: number, fiscalYear: number) {
  // The office, its ward and the year's sheet in one statement, and only the answers' fields the scores use (issue 13:
  // the office, its ward, the sheet and all of its answers' columns were four).
  const [office] = await prisma.$queryRaw<
    {
      name: string;
      wardId: number;
      wardJa: string;
      wardEn: string;
      evaluationId: number | null;
      status: string | null;
      templateId: number | null;
    }[]
  >`
    SELECT o.name, o."wardId", w."nameJa" AS "wardJa", w."nameEn" AS "wardEn",
           e.id AS "evaluationId", e.status::text AS status, e."templateId"
    FROM "Office" o
    JOIN "Ward" w ON w.id = o."wardId"
    LEFT JOIN "Evaluation" e ON e."officeId" = o.id AND e."fiscalYear" = ${fiscalYear}
    WHERE o.id = ${officeId}`;
  if (!office) throw notFound();
  if (office.evaluationId === null || office.status !== "SUBMITTED") return { submitted: false as const, office: { name: office.name } };
  const evaluation = {
    templateId: office.templateId!,
    answers: await prisma.evaluationAnswer.findMany({
      where: { evaluationId: office.evaluationId },
      select: { itemCode: true, rating: true, notApplicable: true },
    }),
  };
  const template = (await loadTemplate(evaluation.templateId))!;
  const answers = new Map<string, AnswerLike>(evaluation.answers.map((a) => [a.itemCode, a]));
  const own = categoryScores(template.items, answers);

  // Every other office's scores, never the viewer's own: the year's sorted scores with the office's own left out.
  const year = await submittedScores(fiscalYear);
  const mine = year.byOffice.get(officeId);
  const wardYear = year.wards.get(office.wardId);
  const mineInWard = mine?.wardId === office.wardId ? mine : undefined;
  const othersCount = year.byOffice.size - (mine ? 1 : 0);
  const wardCount = (wardYear?.offices ?? 0) - (mineInWard ? 1 : 0);
  const city = categoryMediansWithout(year.city, mine?.scores, PEER_MIN_OTHERS);
  const ward = wardYear ? categoryMediansWithout(wardYear.sorted, mineInWard?.scores, PEER_MIN_OTHERS) : {};

  // Earlier years' category scores from the pre-computed sums per sheet and category (decision 063): one statement
  // and a few rows a year, where reading every earlier sheet's answers took two and 73 rows a year (issue 13).
  const earlier = await prisma.$queryRaw<{ fiscalYear: number; category: string | null; score: number | null }[]>`
    SELECT e."fiscalYear", s."categoryCode" AS category, (s."ratingSum"::numeric / s."ratedCount")::float8 AS score
    FROM "Evaluation" e
    LEFT JOIN "EvaluationCategoryScore" s ON s."evaluationId" = e.id AND s."ratedCount" > 0
    WHERE e."officeId" = ${officeId} AND e.status = 'SUBMITTED' AND e."fiscalYear" < ${fiscalYear}
    ORDER BY e."fiscalYear"`;
  const history: {
    fiscalYear: number;
    scores: Record<string, number | null>;
  }[] = [];
  for (const r of earlier) {
    if (history.at(-1)?.fiscalYear !== r.fiscalYear) history.push({ fiscalYear: r.fiscalYear, scores: {} });
    if (r.category !== null) history.at(-1)!.scores[r.category] = r.score;
  }

  const rows = template.categories.map((c) => ({
    code: c.code,
    nameJa: c.nameJa,
    nameEn: c.nameEn,
    office: roundScore(own[c.code] ?? null),
    city: roundScore(city[c.code] ?? null),
    ward: roundScore(ward[c.code] ?? null),
    earlier: history.map((h) => ({
      fiscalYear: h.fiscalYear,
      score: roundScore(h.scores[c.code] ?? null),
    })),
  }));
  const weakest = weakestItems(template.items, answers, 8).map((i) => ({
    code: i.code,
    textJa: i.textJa,
    textEn: i.textEn,
    pillar: i.pillar,
    rating: i.rating,
    categoryCode: i.categoryCode,
  }));
  return {
    submitted: true as const,
    office: {
      name: office.name,
      wardJa: office.wardJa,
      wardEn: office.wardEn,
    },
    rows,
    earlierYears: history.map((h) => h.fiscalYear),
    /** Other offices behind each comparison (the viewer's own office is never among them). */
    cityOffices: othersCount,
    wardOffices: wardCount,
    cityShown: othersCount >= PEER_MIN_OTHERS,
    wardShown: wardCount >= PEER_MIN_OTHERS,
    weakest,
  };
}
