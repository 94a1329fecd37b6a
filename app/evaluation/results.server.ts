// Results of a submitted sheet: the office's category scores beside the anonymised city and ward
// medians and its own earlier years.
//
// Comparisons must not reveal a peer. A median that includes the viewer's own score lets a manager who
// knows it work out another office's (with 3 offices in a ward, own + median = a peer's rating). So the
// medians shown to an office are computed over the OTHER offices only, and each is withheld unless at
// least PEER_MIN_OTHERS other offices contribute to it; a withheld ward falls back to the city figure
// (shown in its own column), and the city is withheld by the same rule.
import { stampedCache } from "~/lib/stamped-cache.server";
import { prisma } from "~/db.server";
import { loadTemplate } from "./evaluation.server";
import { categoryMedians, categoryScores, roundScore, weakestItems, type AnswerLike } from "./scoring";

/** A comparison shown to an office needs at least this many other offices behind it. */
export const PEER_MIN_OTHERS = 5;

type OfficeScores = { officeId: number; wardId: number; scores: Record<string, number | null> }[];

// Category scores of every submitted sheet of a year, reused until a sheet of that year is submitted or
// returned (both change the evaluation's updatedAt; a submitted sheet's answers cannot change).
const scoresCache = stampedCache<OfficeScores>();

async function submittedScores(fiscalYear: number): Promise<OfficeScores> {
  const agg = await prisma.evaluation.aggregate({ where: { fiscalYear, status: "SUBMITTED" }, _max: { updatedAt: true }, _count: true });
  const stamp = `${agg._count}:${agg._max.updatedAt?.toISOString() ?? ""}`;
  return scoresCache.get(String(fiscalYear), stamp, () => computeSubmittedScores(fiscalYear));
}

async function computeSubmittedScores(fiscalYear: number): Promise<OfficeScores> {
  const evaluations = await prisma.evaluation.findMany({
    where: { fiscalYear, status: "SUBMITTED" },
    select: {
      id: true,
      officeId: true,
      templateId: true,
      office: { select: { wardId: true } },
      answers: {
        select: { itemCode: true, rating: true, notApplicable: true },
      },
    },
  });
  const result: {
    officeId: number;
    wardId: number;
    scores: Record<string, number | null>;
  }[] = [];
  for (const e of evaluations) {
    const template = (await loadTemplate(e.templateId))!;
    const answers = new Map<string, AnswerLike>(e.answers.map((a) => [a.itemCode, a]));
    result.push({
      officeId: e.officeId,
      wardId: e.office.wardId,
      scores: categoryScores(template.items, answers),
    });
  }
  return result;
}

export async function resultsFor(officeId: number, fiscalYear: number) {
  const office = await prisma.office.findUniqueOrThrow({
    where: { id: officeId },
    include: { ward: true },
  });
  const evaluation = await prisma.evaluation.findUnique({
    where: { officeId_fiscalYear: { officeId, fiscalYear } },
    include: { answers: true },
  });
  if (!evaluation || evaluation.status !== "SUBMITTED") return { submitted: false as const, office: { name: office.name } };
  const template = (await loadTemplate(evaluation.templateId))!;
  const answers = new Map<string, AnswerLike>(evaluation.answers.map((a) => [a.itemCode, a]));
  const own = categoryScores(template.items, answers);

  // Every other office's scores, never the viewer's own.
  const others = (await submittedScores(fiscalYear)).filter((s) => s.officeId !== officeId);
  const wardGroup = others.filter((s) => s.wardId === office.wardId);
  const city = categoryMedians(
    others.map((s) => s.scores),
    PEER_MIN_OTHERS,
  );
  const ward = categoryMedians(
    wardGroup.map((s) => s.scores),
    PEER_MIN_OTHERS,
  );

  const earlier = await prisma.evaluation.findMany({
    where: { officeId, status: "SUBMITTED", fiscalYear: { lt: fiscalYear } },
    orderBy: { fiscalYear: "asc" },
    include: {
      answers: {
        select: { itemCode: true, rating: true, notApplicable: true },
      },
    },
  });
  const history: {
    fiscalYear: number;
    scores: Record<string, number | null>;
  }[] = [];
  for (const e of earlier) {
    const t = (await loadTemplate(e.templateId))!;
    history.push({
      fiscalYear: e.fiscalYear,
      scores: categoryScores(t.items, new Map(e.answers.map((a) => [a.itemCode, a]))),
    });
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
      wardJa: office.ward.nameJa,
      wardEn: office.ward.nameEn,
    },
    rows,
    earlierYears: history.map((h) => h.fiscalYear),
    /** Other offices behind each comparison (the viewer's own office is never among them). */
    cityOffices: others.length,
    wardOffices: wardGroup.length,
    cityShown: others.length >= PEER_MIN_OTHERS,
    wardShown: wardGroup.length >= PEER_MIN_OTHERS,
    weakest,
  };
}
