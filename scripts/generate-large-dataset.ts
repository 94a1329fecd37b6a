// `npx tsx scripts/generate-large-dataset.ts`: adds a large data set for benchmarks to a database that
// already holds the demo data — LARGE_OFFICES more offices (default 1,000) over LARGE_YEARS fiscal years (default 5)
// ending at the current fiscal year (the application's clock, TSUNAGU_NOW when set): their checklists (73 answers
// each: 1,000 × 5 is about 365,000 rows; the national scale, LARGE_OFFICES=12000 LARGE_YEARS=10, about 8.8 million),
// action plans with items (every year, four offices in five) and peer activities (every year, one office in two).
// Everything is generated inside PostgreSQL (INSERT … SELECT over generate_series); the answers go in one statement
// per year, so the council's aggregates (decision 063, kept by triggers) are updated once per year's statement.
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
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Office" (name, kind, "wardId", address, "agreesToBeNamed", "updatedAt")
       SELECT 'ベンチ事業所 ' || lpad(g::text, 5, '0'), 'SPECIFIED_CONSULTATION', w.id, '', g % 3 = 0, now()
       FROM generate_series(1, $1::int) g
       JOIN (SELECT id, row_number() OVER (ORDER BY "sortOrder", id) - 1 AS k, COUNT(*) OVER () AS n FROM "Ward") w ON w.k = g % w.n`,
      [OFFICES],
    );
    // Each office: a level and a trend; about 8% of sheets left in draft, 2% returned.
    await client.query(
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
    for (let fy = FIRST_YEAR; fy <= LAST_YEAR; fy++) {
      await client.query(
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
    // Action plans for every year (four offices in five), two items each, statuses spread.
    await client.query(
      `INSERT INTO "ActionPlan" ("officeId", "fiscalYear", status, "submittedAt", "createdAt", "updatedAt")
       SELECT o.id, fy, (CASE (o.id + fy) % 4 WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'SUBMITTED' ELSE 'REVIEWED' END)::"ActionPlanStatus",
              make_timestamp(fy, 6, 15, 1, 0, 0), make_timestamp(fy, 5, 15, 1, 0, 0), now()
       FROM "Office" o CROSS JOIN generate_series($1::int, $2::int) fy
       WHERE o.name LIKE 'ベンチ事業所 %' AND o.id % 5 <> 0`,
      [FIRST_YEAR, LAST_YEAR],
    );
    await client.query(
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
    await client.query(
      `INSERT INTO "PeerActivity" ("groupId", "fiscalYear", date, kind, "itemCodes", learned, "loggedById")
       SELECT g.id, fy, make_timestamp(fy, 4 + o.id % 9, 1 + o.id % 28, 1, 0, 0),
              (ARRAY['VISIT', 'EXCHANGE', 'STUDY', 'SHADOWING'])[1 + (o.id + fy) % 4]::"PeerActivityKind", ARRAY['OPS-01'], '他事業所の記録の工夫を学んだ。', o.id
       FROM "Office" o
       JOIN LATERAL (SELECT id FROM "PeerGroup" WHERE "wardId" = o."wardId" ORDER BY id LIMIT 1) g ON true
       CROSS JOIN generate_series($1::int, $2::int) fy
       WHERE o.name LIKE 'ベンチ事業所 %' AND o.id % 2 = 0`,
      [FIRST_YEAR, LAST_YEAR],
    );
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
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
