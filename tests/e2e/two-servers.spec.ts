// Issue 15, "Several processes, one database": a second server process is started on the database of the
// end-to-end server (the one Playwright started), and the two must agree — a session made on one works on the
// other; 50 enrolments spread over both fill exactly 10 seats; a checklist answer saved on one is seen, and
// its conflict detected, on the other; a reminder job run on both sends one reminder; a sheet submitted on
// one changes the dashboard served by the other.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { currentFiscalYear } from "../../app/lib/fiscal-year";
import { apiLogin } from "./helpers";

const A = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;
const B_PORT = Number(process.env.E2E_PORT ?? 3100) + 11;
const B = `http://localhost:${B_PORT}`;
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54330);
const DATABASE_URL = `postgresql://tsunagu:tsunagu@127.0.0.1:${PG_PORT}/tsunagu`;
const ROOT = join(import.meta.dirname, "../..");
const FY = currentFiscalYear();

let serverB: ChildProcess;
let db: pg.Client;
const stamp = Date.now();

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  serverB = spawn(join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(B_PORT), DATABASE_URL, SEED_DEMO: "0", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 200_000;
  for (;;) {
    const ok = await fetch(`${B}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline || serverB.exitCode !== null) throw new Error("the second server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
});

test.afterAll(async () => {
  await db?.end();
  if (serverB && serverB.exitCode === null) {
    const exited = new Promise((r) => serverB.once("exit", r));
    serverB.kill("SIGTERM");
    await exited;
  }
});

/** A user with a session made directly in the database (a token "<id>.<secret>", SHA-256 of the secret stored). */
async function userWithSession(roles: string, officeId: number | null = null): Promise<{ id: number; cookie: string }> {
  const n = randomBytes(4).toString("hex");
  const { rows } = await db.query(
    `INSERT INTO "User" (email, "displayName", roles, "officeId", "updatedAt") VALUES ($1, $2, $3::"Role"[], $4, now()) RETURNING id`,
    [`two-${stamp}-${n}@example.jp`, `二台 ${n}`, `{${roles}}`, officeId],
  );
  // The subcommittee and administrators must use two-factor sign-in: this one has set it up (the session below
  // stands for a sign-in that passed it), so no page sends them to set it up first.
  if (/EVALUATION_SUBCOMMITTEE|ADMINISTRATOR/.test(roles))
    await db.query(`INSERT INTO "TotpCredential" ("userId", "secretEncrypted", "confirmedAt") VALUES ($1, 'unused-in-this-test', now())`, [
      rows[0].id,
    ]);
  const sid = randomBytes(15).toString("hex");
  const secret = randomBytes(20).toString("hex");
  await db.query(`INSERT INTO "Session" (id, "secretHash", "userId") VALUES ($1, $2, $3)`, [
    sid,
    createHash("sha256").update(secret).digest(),
    rows[0].id,
  ]);
  return { id: rows[0].id as number, cookie: `tsunagu_session=${sid}.${secret}` };
}

const post = (request: APIRequestContext, base: string, path: string, cookie: string, form: Record<string, string>) =>
  request.post(`${base}${path}`, { form, headers: { Cookie: cookie, Origin: base, Accept: "text/html" }, maxRedirects: 0 });
const get = (request: APIRequestContext, base: string, path: string, cookie: string) =>
  request.get(`${base}${path}`, { headers: { Cookie: cookie }, maxRedirects: 0 });

test("a session made on one server works on the other", async ({ playwright }) => {
  const onA = await playwright.request.newContext({ baseURL: A });
  await apiLogin(onA, A, "trainee");
  const { cookies } = await onA.storageState();
  const cookie = cookies.filter((c) => c.name === "tsunagu_session").map((c) => `${c.name}=${c.value}`)[0];
  expect(cookie).toBeTruthy();
  const page = await get(onA, B, "/account", cookie);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("trainee@example.jp");
  await onA.dispose();
});

test("50 enrolments spread over both servers fill exactly 10 seats", async ({ playwright }) => {
  const { rows } = await db.query(
    `INSERT INTO "TrainingSession" (track, "fiscalYear", "titleJa", pillars, "goalCodes", venue, capacity, "opensAt", "closesAt", prerequisite, "updatedAt")
     VALUES ('basic-group', $2, $1, '{}', '{}', '会場', 10, now() - interval '1 day', now() + interval '1 day', 'none', now()) RETURNING id`,
    [`二台同時申込 ${stamp}`, FY],
  );
  const sessionId = rows[0].id as number;
  await db.query(
    `INSERT INTO "SessionDay" ("sessionId", "startsAt", "endsAt") VALUES ($1, now() + interval '3 days', now() + interval '3 days 2 hours')`,
    [sessionId],
  );
  const users: { id: number; cookie: string }[] = [];
  for (let i = 0; i < 50; i++) users.push(await userWithSession("TRAINEE"));
  const request = await playwright.request.newContext();
  const responses = await Promise.all(
    users.map((u, i) => post(request, i % 2 ? B : A, `/sessions/${sessionId}`, u.cookie, { intent: "enrol" })),
  );
  expect(responses.map((r) => r.status()).filter((s) => s !== 200)).toEqual([]);
  await request.dispose();
  const { rows: counts } = await db.query(
    `SELECT status, count(*)::int AS n FROM "SessionEnrollment" WHERE "sessionId" = $1 GROUP BY status ORDER BY status`,
    [sessionId],
  );
  expect(counts).toEqual([
    { status: "enrolled", n: 10 },
    { status: "waitlisted", n: 40 },
  ]);
});

test("a reminder job run by both servers sends each person one reminder", async () => {
  const { rows } = await db.query(
    `INSERT INTO "TrainingSession" (track, "fiscalYear", "titleJa", pillars, "goalCodes", venue, capacity, "opensAt", "closesAt", prerequisite, "updatedAt")
     VALUES ('basic-group', $2, $1, '{}', '{}', '会場', 10, now() - interval '10 days', now() - interval '1 day', 'none', now()) RETURNING id`,
    [`二台リマインダー ${stamp}`, FY],
  );
  const sessionId = rows[0].id as number;
  // Tomorrow at 13:00 JST.
  await db.query(
    `INSERT INTO "SessionDay" ("sessionId", "startsAt", "endsAt")
     VALUES ($1, (date_trunc('day', now() AT TIME ZONE 'Asia/Tokyo') + interval '1 day 13 hours') AT TIME ZONE 'Asia/Tokyo',
                 (date_trunc('day', now() AT TIME ZONE 'Asia/Tokyo') + interval '1 day 15 hours') AT TIME ZONE 'Asia/Tokyo')`,
    [sessionId],
  );
  const people = [await userWithSession("TRAINEE"), await userWithSession("TRAINEE"), await userWithSession("TRAINEE")];
  for (const p of people)
    await db.query(`INSERT INTO "SessionEnrollment" ("sessionId", "userId", status, "updatedAt") VALUES ($1, $2, 'enrolled', now())`, [
      sessionId,
      p.id,
    ]);
  // Six runs of the reminder job at once; the workers of both server processes take them.
  const boss = new PgBoss({ connectionString: DATABASE_URL, max: 2 });
  await boss.start();
  try {
    const ids = await Promise.all(Array.from({ length: 6 }, () => boss.send("scheduling.reminders", {})));
    await expect
      .poll(
        async () =>
          (await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state = 'completed'`, [ids])).rows[0].n,
        {
          timeout: 30_000,
        },
      )
      .toBe(6);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const { rows: notices } = await db.query(
    `SELECT "userId", count(*)::int AS n FROM "Notification" WHERE kind = 'reminder' AND "userId" = ANY($1::int[]) GROUP BY "userId"`,
    [people.map((p) => p.id)],
  );
  expect(notices.map((r) => r.n)).toEqual([1, 1, 1]);
});

test("an answer saved on one server is seen on the other, its conflict detected there; a submission changes the other's dashboard", async ({
  playwright,
}) => {
  const { rows: ward } = await db.query(`SELECT id FROM "Ward" ORDER BY id LIMIT 1`);
  const { rows: office } = await db.query(
    `INSERT INTO "Office" (name, kind, "wardId", "updatedAt") VALUES ($1, 'SPECIFIED_CONSULTATION', $2, now()) RETURNING id`,
    [`二台テスト相談支援事業所 ${stamp}`, ward[0].id],
  );
  const manager = await userWithSession("OFFICE_MANAGER", office[0].id as number);
  const sub = await userWithSession("EVALUATION_SUBCOMMITTEE");
  const { rows: items } = await db.query(
    `SELECT i.code FROM "ChecklistItem" i JOIN "ChecklistTemplate" t ON t.id = i."templateId"
     WHERE t.status = 'PUBLISHED' AND $1 = ANY(t."fiscalYears") ORDER BY i."sortOrder"`,
    [FY],
  );
  const codes = items.map((r) => r.code as string);
  expect(codes.length).toBeGreaterThan(10);
  const request = await playwright.request.newContext();
  const sheet = `/evaluation/${FY}`;

  // Saved on A, seen on B.
  const first = codes[0];
  const saved = await post(request, A, sheet, manager.cookie, {
    intent: "answer",
    code: first,
    [`rating_${first}`]: "3",
    [`comment_${first}`]: `二台目で見える ${stamp}`,
    [`revision_${first}`]: "0",
  });
  expect(saved.status()).toBe(200);
  expect(await (await get(request, B, sheet, manager.cookie)).text()).toContain(`二台目で見える ${stamp}`);
  // The same item saved on B from a page that had not seen A's save: a conflict, nothing overwritten.
  const stale = await post(request, B, sheet, manager.cookie, {
    intent: "answer",
    code: first,
    [`rating_${first}`]: "1",
    [`comment_${first}`]: "上書き",
    [`revision_${first}`]: "0",
  });
  expect(stale.status()).toBe(409);
  const { rows: answer } = await db.query(
    `SELECT a.rating, a.comment FROM "EvaluationAnswer" a JOIN "Evaluation" e ON e.id = a."evaluationId" WHERE e."officeId" = $1 AND a."itemCode" = $2`,
    [office[0].id, first],
  );
  expect(answer[0]).toMatchObject({ rating: 3, comment: `二台目で見える ${stamp}` });

  // The dashboard on B counts the office as not yet submitted; submitted on A, B's dashboard counts one fewer.
  const pending = async () => {
    const html = await (await get(request, B, "/subcommittee", sub.cookie)).text();
    const m = /未提出の事業所（(\d+)事業所）/.exec(html);
    expect(m, "the dashboard shows the pending count").not.toBeNull();
    return Number(m![1]);
  };
  const before = await pending();
  const { rows: revisions } = await db.query(
    `SELECT a."itemCode", a.revision FROM "EvaluationAnswer" a JOIN "Evaluation" e ON e.id = a."evaluationId" WHERE e."officeId" = $1`,
    [office[0].id],
  );
  const form: Record<string, string> = { intent: "submit", confirm: "yes" };
  for (const code of codes) {
    form[`rating_${code}`] = "3";
    form[`revision_${code}`] = String(revisions.find((r) => r.itemCode === code)?.revision ?? 0);
  }
  form[`comment_${first}`] = `二台目で見える ${stamp}`;
  const submitted = await post(request, A, sheet, manager.cookie, form);
  expect(submitted.status()).toBe(200);
  const { rows: status } = await db.query(`SELECT status FROM "Evaluation" WHERE "officeId" = $1 AND "fiscalYear" = $2`, [
    office[0].id,
    FY,
  ]);
  expect(status[0].status).toBe("SUBMITTED");
  expect(await pending()).toBe(before - 1);
  await request.dispose();
});

test("a checklist item's pillar set on one server shows on the other (its template cache is dropped everywhere)", async ({
  playwright,
}) => {
  const sub = await userWithSession("EVALUATION_SUBCOMMITTEE");
  const { rows } = await db.query(
    `SELECT t.version, i.code, i.pillar::text AS pillar FROM "ChecklistItem" i JOIN "ChecklistTemplate" t ON t.id = i."templateId"
     WHERE t.status = 'PUBLISHED' AND $1 = ANY(t."fiscalYears") AND i.pillar IS NOT NULL ORDER BY i."sortOrder" LIMIT 1`,
    [FY],
  );
  const { version, code, pillar } = rows[0] as { version: number; code: string; pillar: string };
  const other = pillar === "hr" ? "community" : "hr";
  const label = { individual: "個別支援", community: "地域支援", hr: "人材育成" }[other];
  const request = await playwright.request.newContext();
  const page = `/subcommittee/checklists/${version}`;
  const count = async () => (await (await get(request, B, page, sub.cookie)).text()).split(label).length - 1;
  const before = await count(); // B now holds the template in its cache
  try {
    const set = await post(request, A, page, sub.cookie, { intent: "pillar", target: `item:${code}`, pillar: other });
    expect(set.status()).toBe(200);
    await expect.poll(count, { timeout: 10_000 }).toBe(before + 1);
  } finally {
    await post(request, A, page, sub.cookie, { intent: "pillar", target: `item:${code}`, pillar });
    await request.dispose();
  }
});
