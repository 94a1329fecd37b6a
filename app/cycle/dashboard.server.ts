// The subcommittee's city-wide picture. Every figure is aggregated in PostgreSQL (GROUP BY), so the
// page stays fast with 1,000 offices over several years; groups under MIN_GROUP_SIZE offices are withheld.
import { councilCache, councilStamps, type CouncilStamps } from "~/lib/council-version.server";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { withheld } from "./anonymise";
import { councilFigures, TRACKS } from "./council-figures.server";
import { loadTemplate } from "~/evaluation/evaluation.server";

const wardFilter = (wardId: number | null, column = Prisma.sql`o."wardId"`) =>
  wardId ? Prisma.sql`AND ${column} = ${wardId}` : Prisma.empty;
/** The plan's office, joined only when a ward is chosen (every plan has its office: the city-wide count needs none). */
const officeJoin = (wardId: number | null) => (wardId ? Prisma.sql`JOIN "Office" o ON o.id = p."officeId"` : Prisma.empty);

/**
 * Per-office category score (mean of rated items) for submitted sheets, as a reusable SQL fragment. Read from the
 * pre-computed sums per sheet and category (decision 063), never from the answers: the sum over the count as a
 * numeric is exactly what AVG(rating) was.
 */
const officeCategoryScores = (yearCondition: Prisma.Sql) => Prisma.sql`
  SELECT e."officeId", e."fiscalYear", o."wardId", s."categoryCode" AS category, (s."ratingSum"::numeric / s."ratedCount")::float8 AS score
  FROM "Evaluation" e
  JOIN "Office" o ON o.id = e."officeId"
  JOIN "EvaluationCategoryScore" s ON s."evaluationId" = e.id AND s."ratedCount" > 0
  WHERE e.status = 'SUBMITTED' AND ${yearCondition}`;

type CatRow = { wardId: number | null; category: string; average: number; offices: number };
type TrendRow = { fiscalYear: number; category: string; average: number; offices: number };

// Category scores of five years of submitted sheets (from the pre-computed sums, decision 063), kept until the
// council's version moves (decision 067): a submitted sheet's answers never change (a returned sheet goes back to
// draft and is submitted again, which changes the sheet), and an office's move to another ward changes the office.
type WeakRow = { code: string; low: number; rated: number };
const aggregateCache = councilCache<{ catRows: CatRow[]; trendRows: TrendRow[]; weakRows: WeakRow[] }>();

function scoreAggregates(fiscalYear: number, wardId: number | null, stamp: string) {
  return aggregateCache.get(`${fiscalYear}:${wardId ?? "all"}`, () => computeScoreAggregates(fiscalYear, wardId), stamp);
}

async function computeScoreAggregates(fiscalYear: number, wardId: number | null) {
  const [catRows, trendRows, weakRows] = await Promise.all([
    prisma.$queryRaw<CatRow[]>`
      WITH s AS (${officeCategoryScores(Prisma.sql`e."fiscalYear" = ${fiscalYear}`)})
      SELECT "wardId", category, AVG(score)::float8 AS average, COUNT(*)::int AS offices
      FROM s GROUP BY GROUPING SETS (("wardId", category), (category))`,
    prisma.$queryRaw<TrendRow[]>`
      WITH s AS (${officeCategoryScores(Prisma.sql`e."fiscalYear" BETWEEN ${fiscalYear - 4} AND ${fiscalYear} ${wardFilter(wardId)}`)})
      SELECT "fiscalYear", category, AVG(score)::float8 AS average, COUNT(*)::int AS offices
      FROM s GROUP BY "fiscalYear", category ORDER BY "fiscalYear"`,
    // From the pre-computed counts per year, ward and item (decision 063).
    prisma.$queryRaw<WeakRow[]>`
      SELECT "itemCode" AS code, SUM(rated1 + rated2)::int AS low, SUM(rated1 + rated2 + rated3 + rated4)::int AS rated
      FROM "CouncilItemCount"
      WHERE "fiscalYear" = ${fiscalYear} ${wardFilter(wardId, Prisma.sql`"wardId"`)}
      GROUP BY "itemCode"
      HAVING SUM(rated1 + rated2) > 0
      ORDER BY low DESC, code
      LIMIT 10`,
  ]);
  return { catRows, trendRows, weakRows };
}

// The first few are listed on the page (a link leads to the paginated list of every office): at the national scale a
// hundred links were a fifth of the page's HTML (issue 13).
const PENDING_LIMIT = 30;

type YearCounts = {
  statusRows: { wardId: number; status: string; offices: number }[];
  pendingRows: { officeId: number; name: string; wardId: number; status: string }[];
  planRows: { status: string; plans: number }[];
  itemRows: { status: string; items: number }[];
  peerRows: { wardId: number; kind: string; activities: number }[];
};
// The year's submission status, offices still to submit, plans, plan items and peer activities: at the national
// scale these counts read tens of thousands of rows each, so they are kept until the council's version moves.
const yearCache = councilCache<YearCounts>();
/** The wards in their order: the council's version moves with any write to "Ward", so the list is read once per version. */
const wardCache = councilCache<{ id: number; nameJa: string; nameEn: string }[]>(1);

async function computeYearCounts(fiscalYear: number, wardId: number | null): Promise<YearCounts> {
  const [statusRows, pendingRows, planRows, itemRows, peerRows] = await Promise.all([
    prisma.$queryRaw<YearCounts["statusRows"]>`
      SELECT o."wardId", COALESCE(e.status::text, 'NONE') AS status, COUNT(*)::int AS offices
      FROM "Office" o
      LEFT JOIN "Evaluation" e ON e."officeId" = o.id AND e."fiscalYear" = ${fiscalYear}
      WHERE (o.active OR e.id IS NOT NULL) ${wardFilter(wardId)}
      GROUP BY o."wardId", COALESCE(e.status::text, 'NONE')`,
    // The offices still to submit (the actionable ones), at most PENDING_LIMIT.
    prisma.$queryRaw<YearCounts["pendingRows"]>`
      SELECT o.id AS "officeId", o.name, o."wardId", COALESCE(e.status::text, 'NONE') AS status
      FROM "Office" o
      JOIN "Ward" w ON w.id = o."wardId"
      LEFT JOIN "Evaluation" e ON e."officeId" = o.id AND e."fiscalYear" = ${fiscalYear}
      WHERE o.active AND (e.status IS NULL OR e.status <> 'SUBMITTED') ${wardFilter(wardId)}
      ORDER BY w."sortOrder", o.name
      LIMIT ${PENDING_LIMIT + 1}`,
    prisma.$queryRaw<YearCounts["planRows"]>`
      SELECT p.status::text AS status, COUNT(*)::int AS plans
      FROM "ActionPlan" p ${officeJoin(wardId)}
      WHERE p."fiscalYear" = ${fiscalYear} ${wardFilter(wardId)}
      GROUP BY p.status`,
    prisma.$queryRaw<YearCounts["itemRows"]>`
      SELECT i.status::text AS status, COUNT(*)::int AS items
      FROM "ActionPlanItem" i JOIN "ActionPlan" p ON p.id = i."planId" ${officeJoin(wardId)}
      WHERE p."fiscalYear" = ${fiscalYear} ${wardFilter(wardId)}
      GROUP BY i.status`,
    prisma.$queryRaw<YearCounts["peerRows"]>`
      SELECT g."wardId", a.kind::text AS kind, COUNT(*)::int AS activities
      FROM "PeerActivity" a JOIN "PeerGroup" g ON g.id = a."groupId"
      WHERE a."fiscalYear" = ${fiscalYear} ${wardFilter(wardId, Prisma.sql`g."wardId"`)}
      GROUP BY g."wardId", a.kind`,
  ]);
  return { statusRows, pendingRows, planRows, itemRows, peerRows };
}

/** `stamps`: when the caller has read them (the page reads them once for this and the training effect). */
export async function dashboard(fiscalYear: number, wardId: number | null, stamps?: CouncilStamps) {
  stamps ??= await councilStamps();
  const stamp = stamps.council;
  const [wards, categories, { statusRows, pendingRows, planRows, itemRows, peerRows }, { catRows, trendRows, weakRows }, figures] =
    await Promise.all([
      wardCache.get(
        "all",
        () => prisma.ward.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, nameJa: true, nameEn: true } }),
        stamp,
      ),
      categoriesFor(fiscalYear, stamp),
      yearCache.get(`${fiscalYear}:${wardId ?? "all"}`, () => computeYearCounts(fiscalYear, wardId), stamp),
      scoreAggregates(fiscalYear, wardId, stamp),
      councilFigures(fiscalYear, undefined, stamps),
    ]);

  const statusCounts = { NONE: 0, DRAFT: 0, SUBMITTED: 0, RETURNED: 0 } as Record<string, number>;
  for (const r of statusRows) statusCounts[r.status] += r.offices;
  const statusByWard = wards
    .filter((w) => !wardId || w.id === wardId)
    .map((w) => {
      const by = Object.fromEntries(statusRows.filter((r) => r.wardId === w.id).map((r) => [r.status, r.offices])) as Record<
        string,
        number
      >;
      return {
        wardId: w.id,
        nameJa: w.nameJa,
        nameEn: w.nameEn,
        NONE: by.NONE ?? 0,
        DRAFT: by.DRAFT ?? 0,
        SUBMITTED: by.SUBMITTED ?? 0,
        RETURNED: by.RETURNED ?? 0,
      };
    });

  // Heatmap: categories × wards (+ city), mean of office scores; cells under 3 offices withheld.
  const cell = (w: number | null, code: string) => {
    const r = catRows.find((x) => x.wardId === w && x.category === code);
    return r ? { value: withheld(round(r.average), r.offices), offices: r.offices } : { value: null, offices: 0 };
  };
  const heatmap = categories.map((c) => ({
    code: c.code,
    nameJa: c.nameJa,
    nameEn: c.nameEn,
    city: cell(null, c.code),
    wards: wards.map((w) => cell(w.id, c.code)),
  }));
  const years = [...new Set(trendRows.map((r) => r.fiscalYear))].sort();
  const trends = years.map((y) => {
    const row: Record<string, number | null> & { fiscalYear: number } = { fiscalYear: y };
    for (const c of categories) {
      const r = trendRows.find((x) => x.fiscalYear === y && x.category === c.code);
      row[c.code] = r ? withheld(round(r.average), r.offices) : null;
    }
    return row;
  });
  const itemText = await itemTexts(
    weakRows.map((r) => r.code),
    stamp,
  );
  return {
    wards,
    categories,
    statusByWard,
    pending: pendingRows.slice(0, PENDING_LIMIT),
    pendingMore: pendingRows.length > PENDING_LIMIT,
    statusCounts,
    heatmap,
    trends,
    weakItems: weakRows.map((r) => ({ ...r, textJa: itemText.get(r.code)?.textJa ?? "", textEn: itemText.get(r.code)?.textEn ?? "" })),
    plans: Object.fromEntries(planRows.map((r) => [r.status, r.plans])) as Record<string, number>,
    planItems: Object.fromEntries(itemRows.map((r) => [r.status, r.items])) as Record<string, number>,
    peer: wards
      .filter((w) => !wardId || w.id === wardId)
      .map((w) => {
        const rows = peerRows.filter((r) => r.wardId === w.id);
        const by = Object.fromEntries(rows.map((r) => [r.kind, r.activities])) as Record<string, number>;
        return {
          wardId: w.id,
          nameJa: w.nameJa,
          nameEn: w.nameEn,
          VISIT: by.VISIT ?? 0,
          EXCHANGE: by.EXCHANGE ?? 0,
          STUDY: by.STUDY ?? 0,
          SHADOWING: by.SHADOWING ?? 0,
          total: rows.reduce((n, r) => n + r.activities, 0),
        };
      }),
    // The council's figures, from their one definition (app/cycle/council-figures.server.ts).
    meetings: {
      meetings: figures.byKey.meetingsHeld ?? 0,
      attendedOffices: figures.byKey.meetingOffices ?? 0,
      attendedPeople: figures.byKey.meetingPeople ?? 0,
    },
    training: {
      available: figures.trainingCounted,
      tracks: TRACKS.map((tr) => ({
        key: tr.key,
        participants: figures.byKey[`${tr.key}.enrolled`],
        completed: figures.byKey[`${tr.key}.completed`],
        certificates: figures.byKey[`${tr.key}.certificates`],
      })),
      sessionsHeld: figures.byKey.sessionsHeld,
    },
    officesSubmitted: figures.byKey.officesSubmitted ?? 0,
  };
}

function round(v: number) {
  return Math.round(v * 100) / 100;
}

/** The categories of the template serving the year (or the newest published one), kept under the council's version. */
export async function categoriesFor(fiscalYear: number, stamp?: string) {
  return categoryCache.get(String(fiscalYear), () => readCategories(fiscalYear), stamp);
}
// The checklist's versions are in the council's version (migration 'training_version'): a published template, its
// categories and items are read once per version.
const categoryCache = councilCache<Awaited<ReturnType<typeof readCategories>>>(20);
const itemTextCache = councilCache<Map<string, { textJa: string; textEn: string }>>(100);

async function readCategories(fiscalYear: number) {
  const t =
    (await prisma.checklistTemplate.findFirst({
      where: { status: "PUBLISHED", fiscalYears: { has: fiscalYear } },
      orderBy: { version: "desc" },
      select: { id: true },
    })) ??
    (await prisma.checklistTemplate.findFirst({ where: { status: "PUBLISHED" }, orderBy: { version: "desc" }, select: { id: true } }));
  if (!t) return [];
  // A published template's categories come from the per-process template cache (emptied when a template changes).
  return (await loadTemplate(t.id))?.categories ?? [];
}

/** The wording of items by code, from the newest published checklist that has each; kept under the council's version. */
export async function itemTexts(codes: string[], stamp?: string) {
  if (!codes.length) return new Map<string, { textJa: string; textEn: string }>();
  return itemTextCache.get([...codes].sort().join(","), () => readItemTexts(codes), stamp);
}

async function readItemTexts(codes: string[]) {
  const rows = await prisma.checklistItem.findMany({
    where: { code: { in: codes }, template: { status: "PUBLISHED" } },
    orderBy: { template: { version: "desc" } },
    select: { code: true, textJa: true, textEn: true },
  });
  const map = new Map<string, { textJa: string; textEn: string }>();
  for (const r of rows) if (!map.has(r.code)) map.set(r.code, r);
  return map;
}
