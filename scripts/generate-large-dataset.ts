// `npx tsx scripts/generate-large-dataset.ts`: adds a large data set for benchmarks to a database that
// already holds the demo data — LARGE_OFFICES more offices (default 1,000) over LARGE_YEARS fiscal years (default 5)
// ending at the current fiscal year (the application's clock, TSUNAGU_NOW when set): their checklists (73 answers
// each: 1,000 × 5 is about 365,000 rows; the national scale, LARGE_OFFICES=12000 LARGE_YEARS=10, about 8.8 million),
// action plans with items (every year, four offices in five) and peer activities (every year, one office in two).
// Everything is generated inside PostgreSQL (INSERT … SELECT over generate_series), in one transaction, as a bulk
// load: triggers and foreign-key checks off for it (`session_replication_role = replica`, which needs a superuser, as
// the embedded database's user is), the answers' unique index dropped and built again after the answers, and the
// council's aggregates (decision 063, otherwise kept by triggers) added for the new sheets in one INSERT … SELECT each,
// the same statements the migration used to fill them. Every step's time is printed.
// Uses DATABASE_URL, or the embedded database like `npm run db:seed` (not while a server holds it).
import pg from "pg";
import { setClock } from "../app/lib/clock.ts";
import { currentFiscalYear } from "../app/lib/fiscal-year.ts";
import { openDatabase } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";

setClock(process.env.TSUNAGU_NOW || null);
const OFFICES = Number(process.env.LARGE_OFFICES ?? 1000);
const YEARS = Number(process.env.LARGE_YEARS ?? 5);
if (!Number.isInteger(OFFICES) || OFFICES < 1 || !Number.isInteger(YEARS) || YEARS < 1)
  throw new Error("LARGE_OFFICES and LARGE_YEARS must be whole numbers from 1");
const LAST_YEAR = currentFiscalYear();
const FIRST_YEAR = LAST_YEAR - YEARS + 1;

const db = await openDatabase();
const client = new pg.Client({ connectionString: db.url });
try {
  await applyMigrations(db.url);
  await client.connect();
  const started = Date.now();
  const template = await client.query<{ id: number }>(
    `SELECT id FROM "ChecklistTemplate" WHERE status = 'PUBLISHED' ORDER BY version DESC LIMIT 1`,
  );
  if (!template.rowCount) throw new Error("No published checklist: load the demo data first (npm run db:seed).");
  const templateId = template.rows[0].id;
  const existing = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "Office" WHERE name LIKE 'ベンチ事業所 %'`);
  if (existing.rows[0].n > 0) {
    console.log(`The large data set is already there (${existing.rows[0].n} offices); nothing added.`);
  } else {
    const steps: string[] = [];
    let last = Date.now();
    const step = async (name: string, sql: string, values: unknown[] = []) => {
      const result = await client.query(sql, values);
      steps.push(`${name} ${((Date.now() - last) / 1000).toFixed(1)} s`);
      last = Date.now();
      return result;
    };
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    await client.query("SET LOCAL work_mem = '256MB'");
    await step(
      "offices",
      `INSERT INTO "Office" (name, kind, "wardId", address, "agreesToBeNamed", "updatedAt")
       SELECT 'ベンチ事業所 ' || lpad(g::text, 5, '0'), 'SPECIFIED_CONSULTATION', w.id, '', g % 3 = 0, now()
       FROM generate_series(1, $1::int) g
       JOIN (SELECT id, row_number() OVER (ORDER BY "sortOrder", id) - 1 AS k, COUNT(*) OVER () AS n FROM "Ward") w ON w.k = g % w.n`,
      [OFFICES],
    );
    // Each office: a level and a trend; about 8% of sheets left in draft, 2% returned.
    await step(
      "sheets",
      `INSERT INTO "Evaluation" ("officeId", "fiscalYear", "templateId", status, "submissionCount", "submittedAt", "updatedAt")
       SELECT o.id, fy, $1::int,
              (CASE WHEN (o.id * 7 + fy) % 50 < 4 THEN 'DRAFT' WHEN (o.id * 7 + fy) % 50 = 4 THEN 'RETURNED' ELSE 'SUBMITTED' END)::"EvaluationStatus",
              CASE WHEN (o.id * 7 + fy) % 50 < 4 THEN 0 ELSE 1 END,
              CASE WHEN (o.id * 7 + fy) % 50 < 4 THEN NULL ELSE make_timestamp(fy + 1, 1, 1 + (o.id % 28), 1, 0, 0) END,
              now()
       FROM "Office" o CROSS JOIN generate_series($2::int, $3::int) fy
       WHERE o.name LIKE 'ベンチ事業所 %'`,
      [templateId, FIRST_YEAR, LAST_YEAR],
    );
    // The answers, one statement per year: about 2% not applicable (with a reason), the rest rated around the
    // office's level, rising a little each year.
    await step("drop the answers' unique index", `DROP INDEX "EvaluationAnswer_evaluationId_itemCode_key"`);
    for (let fy = FIRST_YEAR; fy <= LAST_YEAR; fy++) {
      await step(
        `answers FY${fy}`,
        `INSERT INTO "EvaluationAnswer" ("evaluationId", "itemCode", rating, "notApplicable", "notApplicableReason", "updatedAt")
         SELECT x.id, x.code, x.rating, x.rating IS NULL, CASE WHEN x.rating IS NULL THEN '対象となる利用者がいないため。' ELSE '' END, now()
         FROM (
           SELECT e.id, i.code,
                  CASE WHEN random() < 0.02 THEN NULL
                       ELSE LEAST(4, GREATEST(1, round(2.2 + (e."officeId" % 10) / 10.0 + (e."fiscalYear" - $1::int) * 0.08 + (random() - 0.5) * 2)))::int END AS rating
           FROM "Evaluation" e
           JOIN "Office" o ON o.id = e."officeId" AND o.name LIKE 'ベンチ事業所 %'
           JOIN "ChecklistItem" i ON i."templateId" = e."templateId"
           WHERE e."fiscalYear" = $2::int
         ) x`,
        [FIRST_YEAR, fy],
      );
    }
    await step(
      "build the answers' unique index",
      `CREATE UNIQUE INDEX "EvaluationAnswer_evaluationId_itemCode_key" ON "EvaluationAnswer" ("evaluationId", "itemCode")`,
    );
    // The council's aggregates for the new sheets (the triggers were off): the migration's own statements, kept to
    // the new offices' sheets; the item counts add to the demo data's rows of the same year and ward.
    await step(
      "category sums",
      `INSERT INTO "EvaluationCategoryScore" ("evaluationId", "categoryCode", "ratedCount", "ratingSum")
       SELECT e.id, c.code, COUNT(*)::int, SUM(a.rating)::int
       FROM "Evaluation" e
       JOIN "Office" o ON o.id = e."officeId" AND o.name LIKE 'ベンチ事業所 %'
       JOIN "EvaluationAnswer" a ON a."evaluationId" = e.id
       JOIN "ChecklistItem" i ON i."templateId" = e."templateId" AND i.code = a."itemCode"
       JOIN "ChecklistCategory" c ON c.id = i."categoryId"
       WHERE a.rating IS NOT NULL AND NOT a."notApplicable"
       GROUP BY e.id, c.code`,
    );
    await step(
      "item counts",
      `INSERT INTO "CouncilItemCount" ("fiscalYear", "wardId", "itemCode", rated1, rated2, rated3, rated4)
       SELECT e."fiscalYear", o."wardId", a."itemCode",
              COUNT(*) FILTER (WHERE a.rating = 1)::int, COUNT(*) FILTER (WHERE a.rating = 2)::int,
              COUNT(*) FILTER (WHERE a.rating = 3)::int, COUNT(*) FILTER (WHERE a.rating = 4)::int
       FROM "Evaluation" e
       JOIN "Office" o ON o.id = e."officeId" AND o.name LIKE 'ベンチ事業所 %'
       JOIN "EvaluationAnswer" a ON a."evaluationId" = e.id
       WHERE e.status = 'SUBMITTED' AND a.rating BETWEEN 1 AND 4 AND NOT a."notApplicable"
       GROUP BY 1, 2, 3
       ON CONFLICT ("fiscalYear", "wardId", "itemCode") DO UPDATE SET
         rated1 = "CouncilItemCount".rated1 + EXCLUDED.rated1, rated2 = "CouncilItemCount".rated2 + EXCLUDED.rated2,
         rated3 = "CouncilItemCount".rated3 + EXCLUDED.rated3, rated4 = "CouncilItemCount".rated4 + EXCLUDED.rated4`,
    );
    // Action plans for every year (four offices in five), two items each, statuses spread.
    await step(
      "plans",
      `INSERT INTO "ActionPlan" ("officeId", "fiscalYear", status, "submittedAt", "createdAt", "updatedAt")
       SELECT o.id, fy, (CASE (o.id + fy) % 4 WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'SUBMITTED' ELSE 'REVIEWED' END)::"ActionPlanStatus",
              make_timestamp(fy, 6, 15, 1, 0, 0), make_timestamp(fy, 5, 15, 1, 0, 0), now()
       FROM "Office" o CROSS JOIN generate_series($1::int, $2::int) fy
       WHERE o.name LIKE 'ベンチ事業所 %' AND o.id % 5 <> 0`,
      [FIRST_YEAR, LAST_YEAR],
    );
    await step(
      "plan items",
      `INSERT INTO "ActionPlanItem" ("planId", "itemCodes", issue, goal, actions, owner, status, "statusAt", "sortOrder", "createdAt", "updatedAt")
       SELECT p.id, ARRAY[c.codes[1 + (p.id * 3 + k * 11) % cardinality(c.codes)]],
              '記録の様式が統一されていない。', '様式を統一する。', '様式案の作成と試行。', '管理者',
              (CASE (p.id + k) % 4 WHEN 0 THEN 'PLANNED' WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'DONE' ELSE 'IN_PROGRESS' END)::"ActionItemStatus",
              p."createdAt", k, p."createdAt", now()
       FROM "ActionPlan" p JOIN "Office" o ON o.id = p."officeId" AND o.name LIKE 'ベンチ事業所 %'
       CROSS JOIN (SELECT array_agg(code ORDER BY "sortOrder") AS codes FROM "ChecklistItem" WHERE "templateId" = $1::int) c
       CROSS JOIN generate_series(0, 1) k`,
      [templateId],
    );
    // Peer activities: each ward's first group, about two per office and year.
    await step(
      "peer activities",
      `INSERT INTO "PeerActivity" ("groupId", "fiscalYear", date, kind, "itemCodes", learned, "loggedById")
       SELECT g.id, fy, make_timestamp(fy, 4 + o.id % 9, 1 + o.id % 28, 1, 0, 0),
              (ARRAY['VISIT', 'EXCHANGE', 'STUDY', 'SHADOWING'])[1 + (o.id + fy) % 4]::"PeerActivityKind", ARRAY['OPS-01'], '他事業所の記録の工夫を学んだ。', o.id
       FROM "Office" o
       JOIN LATERAL (SELECT id FROM "PeerGroup" WHERE "wardId" = o."wardId" ORDER BY id LIMIT 1) g ON true
       CROSS JOIN generate_series($1::int, $2::int) fy
       WHERE o.name LIKE 'ベンチ事業所 %' AND o.id % 2 = 0`,
      [FIRST_YEAR, LAST_YEAR],
    );
    // The triggers were off, the council's and the training version too (decisions 067, 069): bump them, so a running
    // server's caches move on.
    await step(
      "council version",
      `UPDATE "CouncilVersion" SET version = version + 1, txid = pg_current_xact_id()::text WHERE id IN (1, 2)`,
    );
    await step("commit", "COMMIT");
    await step("VACUUM ANALYZE", "VACUUM ANALYZE");
    console.log(steps.join("; "));
  }
  const counts = await client.query<{ offices: number; evaluations: number; answers: number; plans: number; activities: number }>(
    `SELECT (SELECT COUNT(*) FROM "Office")::int AS offices, (SELECT COUNT(*) FROM "Evaluation")::int AS evaluations,
            (SELECT COUNT(*) FROM "EvaluationAnswer")::int AS answers, (SELECT COUNT(*) FROM "ActionPlan")::int AS plans,
            (SELECT COUNT(*) FROM "PeerActivity")::int AS activities`,
  );
  console.log(
    `Large data set (${OFFICES} offices × FY${FIRST_YEAR}–FY${LAST_YEAR}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
    counts.rows[0],
  );
} catch (error) {
  await client.query("ROLLBACK").catch(() => {});
  throw error;
} finally {
  await client.end();
  await db.stop();
}
