// No council view scans the answers table (issue 13, decision 063): every statement the dashboard (city and one ward),
// the annual report with its CSV and XLSX, the submission list, an office's results and the subcommittee's view of
// one office send is recorded with its parameters and EXPLAINed (FORMAT JSON) on a data set large enough for the
// planner to choose indexes where they exist (400 offices × 3 years, 87,600 answers, analysed); a "Seq Scan" of
// "EvaluationAnswer" anywhere in a plan fails, with the statement.
import pg from "pg";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { recordQueries } from "~/lib/query-count.server";
import { loader as dashboardLoader } from "~/routes/subcommittee._index";
import { loader as reportLoader } from "~/routes/subcommittee.report.$year._index";
import { loader as reportCsvLoader } from "~/routes/subcommittee.report.$year.csv";
import { loader as reportXlsxLoader } from "~/routes/subcommittee.report.$year.xlsx";
import { loader as submissionsLoader } from "~/routes/subcommittee.evaluations._index";
import { loader as reviewLoader } from "~/routes/subcommittee.evaluations.$officeId.$year._index";
import { loader as resultsLoader } from "~/routes/evaluation.$year.results";
import { createUser, createWard, requestAs } from "./factories";

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

const FY = currentFiscalYear();
const OFFICES = 400;
const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");

let subcommittee: number;
let manager: number;
let officeId: number;
let wardId: number;

beforeAll(async () => {
  const templateId = (await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY - 2, FY - 1, FY] })).id;
  const wards = [await createWard(), await createWard(), await createWard(), await createWard()];
  wardId = wards[0].id;
  await prisma.$executeRaw`
    INSERT INTO "Office" (name, kind, "wardId", address, "agreesToBeNamed", "updatedAt")
    SELECT 'EXPLAIN 事業所 ' || g, 'SPECIFIED_CONSULTATION', (${wards.map((w) => w.id)}::int[])[1 + g % 4], '', g % 3 = 0, now()
    FROM generate_series(1, ${OFFICES}::int) g`;
  await prisma.$executeRaw`
    INSERT INTO "Evaluation" ("officeId", "fiscalYear", "templateId", status, "submissionCount", "submittedAt", "updatedAt")
    SELECT o.id, fy, ${templateId}::int, (CASE WHEN o.id % 10 = 0 THEN 'DRAFT' ELSE 'SUBMITTED' END)::"EvaluationStatus", 1, now(), now()
    FROM "Office" o CROSS JOIN generate_series(${FY - 2}::int, ${FY}::int) fy WHERE o.name LIKE 'EXPLAIN 事業所 %'`;
  await prisma.$executeRaw`
    INSERT INTO "EvaluationAnswer" ("evaluationId", "itemCode", rating, "notApplicable", "updatedAt")
    SELECT e.id, i.code, 1 + (e.id + i."sortOrder") % 4, false, now()
    FROM "Evaluation" e JOIN "ChecklistItem" i ON i."templateId" = e."templateId"`;
  await prisma.$executeRawUnsafe(`ANALYZE`);
  const office = await prisma.office.findFirstOrThrow({ where: { name: "EXPLAIN 事業所 1" } });
  officeId = office.id;
  subcommittee = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
  manager = (await createUser({ roles: ["OFFICE_MANAGER"], officeId })).id;
}, 120_000);

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };
function seqScans(node: PlanNode, found: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) found.push(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScans(child, found);
  return found;
}

/** Every statement one request sends, EXPLAINed; the statements whose plan scans the answers table whole. */
async function answerScans(userId: number, path: string, loader: Loader, params: Record<string, string> = {}) {
  const request = await requestAs(userId, path);
  const { queries } = await recordQueries(() => loader({ request, params, context: { clientIp: "" } }));
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const scans: string[] = [];
  let explained = 0;
  try {
    for (const q of queries) {
      if (!/^\s*(SELECT|WITH)\b/i.test(q.sql)) continue;
      const result = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.args as unknown[]);
      explained++;
      if (seqScans(result.rows[0]["QUERY PLAN"][0].Plan).includes("EvaluationAnswer")) scans.push(q.sql);
    }
  } finally {
    await client.end();
  }
  return { scans, explained };
}

describe("no council view scans the answers table", () => {
  const pages: { name: string; as: () => number; path: () => string; loader: Loader; params?: Record<string, string> }[] = [
    { name: "the dashboard", as: () => subcommittee, path: () => `/subcommittee?year=${FY}`, loader: dashboardLoader as unknown as Loader },
    {
      name: "the dashboard for one ward",
      as: () => subcommittee,
      path: () => `/subcommittee?year=${FY}&ward=${wardId}`,
      loader: dashboardLoader as unknown as Loader,
    },
    {
      name: "the annual report",
      as: () => subcommittee,
      path: () => `/subcommittee/report/${FY}`,
      loader: reportLoader as unknown as Loader,
      params: { year: String(FY) },
    },
    {
      name: "the annual report's CSV",
      as: () => subcommittee,
      path: () => `/subcommittee/report/${FY}/csv`,
      loader: reportCsvLoader as unknown as Loader,
      params: { year: String(FY) },
    },
    {
      name: "the annual report's XLSX",
      as: () => subcommittee,
      path: () => `/subcommittee/report/${FY}/xlsx`,
      loader: reportXlsxLoader as unknown as Loader,
      params: { year: String(FY) },
    },
    {
      name: "the submission list",
      as: () => subcommittee,
      path: () => `/subcommittee/evaluations?year=${FY}`,
      loader: submissionsLoader as unknown as Loader,
    },
    {
      name: "an office's results",
      as: () => manager,
      path: () => `/evaluation/${FY}/results`,
      loader: resultsLoader as unknown as Loader,
      params: { year: String(FY) },
    },
    {
      name: "the subcommittee's view of one office",
      as: () => subcommittee,
      path: () => `/subcommittee/evaluations/${officeId}/${FY}`,
      loader: reviewLoader as unknown as Loader,
      params: { officeId: "", year: String(FY) },
    },
  ];
  for (const page of pages)
    it(page.name, async () => {
      const params = page.params?.officeId === "" ? { ...page.params, officeId: String(officeId) } : (page.params ?? {});
      const { scans, explained } = await answerScans(page.as(), page.path(), page.loader, params);
      expect(explained).toBeGreaterThan(0);
      expect(scans).toEqual([]);
    });
});
