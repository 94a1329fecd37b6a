import { expect, test, type Browser, type Page } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { PDFParse } from "pdf-parse";
import { currentFiscalYear } from "../../app/lib/fiscal-year";
import { expectAccessible, login } from "./helpers";

// A trainee of the demo data (password: the demo password) who is in none of the demo sessions' queues here.
const SECOND_TRAINEE = "sakura.mori@example.jp";
const SECOND_NAME = "森 さくら";
// The demo's past group session (id 1) has this trainee recorded as a no-show, without attendance or certificate.
const PAST_TRAINEE = "mio.abe@example.jp";
const PAST_NAME = "阿部 美桜";
const BASE_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;

const pad = (n: number) => String(n).padStart(2, "0");
/** A JST date "YYYY-MM-DD" some days from now. */
function jstDate(daysFromNow: number) {
  const d = new Date(Date.now() + daysFromNow * 86_400_000 + 9 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

async function as(browser: Browser, who: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, who);
  return page;
}

test("committee creates a session; enrol, waitlist, promotion; attendance and certificates only after the day; verification", async ({
  browser,
  playwright,
}) => {
  // The whole flow across three people and two sessions: longer than the default minute on a shared machine.
  test.setTimeout(240_000);
  const title = `E2E 集合研修 ${Date.now()}`;
  // The committee creates a one-seat session.
  const committee = await as(browser, "committee");
  await committee.goto("/committee/sessions/new");
  await expectAccessible(committee);
  await committee.getByLabel("区分").selectOption("basic-group");
  await committee.getByLabel("研修名（日本語）").fill(title);
  await committee.getByLabel("地域支援").check();
  // The learning goals are picked from the list, filtered by code or words (issue 14).
  await committee.getByLabel("獲得目標を絞り込む（コードまたは言葉）").fill("ind-1-1");
  await expect(committee.getByText(/^1 件を表示中/)).toBeVisible();
  await committee.getByRole("checkbox", { name: /IND-1-1/ }).check();
  // A day is added and removed with a button; the first day's fields keep what is typed.
  await committee.getByRole("button", { name: "日を追加する" }).click();
  await expect(committee.locator('input[name="day2Date"]')).toBeFocused();
  await committee.getByRole("button", { name: "2日目を削除する" }).click();
  await expect(committee.locator('input[name="day2Date"]')).toHaveCount(0);
  await committee.locator('input[name="day1Date"]').fill(jstDate(14));
  await committee.locator('input[name="day1Start"]').fill("10:00");
  await committee.locator('input[name="day1End"]').fill("12:30");
  await committee.getByLabel("会場の住所").fill("仙台市青葉区 テスト会場");
  await committee.getByLabel("定員").fill("1");
  await committee.getByLabel("申込開始（日本時間）").fill(`${jstDate(-1)}T09:00`);
  await committee.getByLabel("申込締切（日本時間）").fill(`${jstDate(7)}T17:00`);
  await committee.getByLabel("受講要件").selectOption("none");
  await committee.getByRole("button", { name: "保存する" }).click();
  await expect(committee).toHaveURL(/\/committee\/sessions\/\d+\?created=1/);
  const id = Number(new URL(committee.url()).pathname.split("/").pop());
  await expect(committee.getByRole("heading", { level: 1 })).toContainText(title);

  // The first trainee takes the seat.
  const first = await as(browser, "trainee");
  await first.goto("/sessions");
  await expect(first.getByRole("link", { name: title })).toBeVisible();
  await first.getByRole("link", { name: title }).first().click();
  await expect(first).toHaveURL(new RegExp(`/sessions/${id}$`));
  await first.getByRole("button", { name: "申し込む" }).click();
  await expect(first.getByRole("status")).toContainText("受講が確定しました");
  await expectAccessible(first);

  // The second trainee is waitlisted and sees their place.
  const second = await as(browser, SECOND_TRAINEE);
  await second.goto(`/sessions/${id}`);
  await second.getByRole("button", { name: "キャンセル待ちに登録する" }).click();
  await expect(second.getByRole("status")).toContainText("キャンセル待ち1番目");
  await second.reload();
  await expect(second.getByText("キャンセル待ち1番目です")).toBeVisible();
  await second.goto("/sessions");
  await expect(second.getByRole("row", { name: new RegExp(title) })).toContainText("キャンセル待ち1番目");

  // The calendar file of the session is valid iCalendar with the Tokyo zone.
  const ics = await second.request.get(`/sessions/${id}/ics`);
  const icsText = await ics.text();
  expect(icsText).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo");
  expect(icsText).toContain(`DTSTART;TZID=Asia/Tokyo:${jstDate(14).replace(/-/g, "")}T100000`);

  // The first cancels: the second is promoted and told.
  await first.getByRole("button", { name: "申込を取り消す" }).click();
  await expect(first.getByRole("status")).toContainText("申込を取り消しました");
  await second.goto("/notifications");
  await expect(second.getByText(`席が空いたため、「${title}」`)).toBeVisible();
  await expectAccessible(second);
  await second.goto(`/sessions/${id}`);
  await expect(second.getByRole("heading", { name: /受講確定/ })).toBeVisible();

  // Before the day, neither attendance nor issuing is offered, and the page says from when and why.
  await committee.goto(`/committee/sessions/${id}`);
  await expect(committee.getByRole("heading", { name: "受講確定（1名）" })).toBeVisible();
  await expect(committee.getByRole("heading", { name: "取消（1名）" })).toBeVisible();
  await expect(committee.getByRole("button", { name: `出席にする: ${SECOND_NAME} 1` })).toHaveCount(0);
  await expect(committee.getByText(/から記録できます/)).toBeVisible();
  await expect(committee.getByRole("button", { name: `修了を記録して修了証を発行: ${SECOND_NAME}` })).toHaveCount(0);
  // (This trainee already holds this year's group certificate from the demo's past session: it is shown, not issued again.)
  await expect(committee.getByRole("row", { name: new RegExp(SECOND_NAME) })).toContainText("照合コード");
  await expectAccessible(committee);

  // The demo's past session: the trainee recorded as a no-show has no certificate. Checked in, still none
  // (check-in issues nothing); the committee then records completion, which issues it with the next serial.
  await committee.goto("/committee/sessions/1");
  const row = committee.getByRole("row", { name: new RegExp(PAST_NAME) });
  await expect(row.getByRole("button", { name: `修了を記録して修了証を発行: ${PAST_NAME}` })).toHaveCount(0);
  await expect(row).toContainText("出席していない日があります。");
  await committee.getByRole("button", { name: `出席にする: ${PAST_NAME} 1` }).click();
  await expect(committee.getByRole("status")).toContainText(`${PAST_NAME} さんの出席を記録しました`);
  await expect(row).not.toContainText("発行済み");
  await row.getByRole("button", { name: `修了を記録して修了証を発行: ${PAST_NAME}` }).click();
  await expect(committee.getByRole("status")).toContainText(/修了証 \d{4}-K2-00008 を発行しました/);
  await expect(row).toContainText("照合コード");
  await expectAccessible(committee);

  // The trainee downloads the certificate; its text holds their Japanese name.
  const past = await as(browser, PAST_TRAINEE);
  await past.goto("/sessions");
  const [download] = await Promise.all([
    past.waitForEvent("download"),
    past
      .getByRole("link", { name: /PDFをダウンロード/ })
      .first()
      .click(),
  ]);
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  const parsed = await new PDFParse({ data: readFileSync(path!) }).getText();
  expect(parsed.text).toContain(PAST_NAME);
  expect(parsed.text).toContain("修 了 証");
  const code = /Verification code: ([A-Z0-9]+)/.exec(parsed.text)?.[1];
  expect(code).toBeTruthy();
  await expect(row).toContainText(code!);

  // Anyone can verify it, without signing in.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/verify/${code}`);
  await expect(anonymous.getByText("この修了証は有効です。")).toBeVisible();
  await expect(anonymous.getByText(PAST_NAME)).toBeVisible();
  const unknown = await playwright.request.newContext({ baseURL: BASE_URL });
  expect((await unknown.get("/verify/NOSUCHCODE99")).status()).toBe(404);
  await unknown.dispose();
});

test("the committee's roster exports CSV with a BOM and a printable sign-in sheet", async ({ browser }) => {
  const committee = await as(browser, "committee");
  const csv = await committee.request.get("/committee/sessions/1/roster.csv");
  const body = Buffer.from(await csv.body());
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8")).toContain("受講確定");
  await committee.goto("/committee/sessions/1/sign-in");
  await committee.emulateMedia({ media: "print" });
  await expect(committee.locator(".site-header")).toBeHidden();
  await expect(committee.locator(".sign-in-table tbody tr")).toHaveCount(8);
  // The funnel on the committee member's home page: the chart, and its table behind 「表で見る」.
  await committee.emulateMedia({ media: "screen" });
  await committee.goto("/");
  const funnel = committee.getByRole("region", { name: "研修の修了者数" });
  await expect(funnel.getByRole("table")).toBeHidden();
  await funnel.getByText("表で見る").click();
  await expect(funnel.getByRole("row", { name: /集合研修（基礎研修 後期）/ })).toContainText(/\d+名/);
  await expect(funnel.locator(".chart svg").first()).toBeVisible();
});

test("50 simultaneous enrolments over HTTP for 10 seats: exactly 10 enrolled, 40 waitlisted in order", async ({ playwright }) => {
  const port = Number(process.env.E2E_PG_PORT ?? 54330);
  const db = new pg.Client({ host: "127.0.0.1", port, user: "tsunagu", password: "tsunagu", database: "tsunagu" });
  await db.connect();
  try {
    const stamp = Date.now();
    const { rows: sessionRows } = await db.query(
      `INSERT INTO "TrainingSession" (track, "fiscalYear", "titleJa", pillars, "goalCodes", venue, capacity, "opensAt", "closesAt", prerequisite, "updatedAt")
       VALUES ('basic-group', $2, $1, '{}', '{}', '会場', 10, now() - interval '1 day', now() + interval '1 day', 'none', now()) RETURNING id`,
      [`同時申込テスト ${stamp}`, currentFiscalYear()],
    );
    const sessionId = sessionRows[0].id as number;
    await db.query(
      `INSERT INTO "SessionDay" ("sessionId", "startsAt", "endsAt") VALUES ($1, now() + interval '3 days', now() + interval '3 days 2 hours')`,
      [sessionId],
    );
    // 50 trainees, each signed in with their own session (a token "<id>.<secret>", SHA-256 of the secret stored).
    const cookies: string[] = [];
    for (let i = 0; i < 50; i++) {
      const { rows } = await db.query(
        `INSERT INTO "User" (email, "displayName", roles, "updatedAt") VALUES ($1, $2, '{TRAINEE}', now()) RETURNING id`,
        [`load-${stamp}-${i}@example.jp`, `負荷 ${i}`],
      );
      const sid = randomBytes(15).toString("hex");
      const secret = randomBytes(20).toString("hex");
      await db.query(`INSERT INTO "Session" (id, "secretHash", "userId") VALUES ($1, $2, $3)`, [
        sid,
        createHash("sha256").update(secret).digest(),
        rows[0].id,
      ]);
      cookies.push(`tsunagu_session=${sid}.${secret}`);
    }
    const request = await playwright.request.newContext({ baseURL: BASE_URL });
    const responses = await Promise.all(
      cookies.map((cookie) =>
        request.post(`/sessions/${sessionId}`, {
          form: { intent: "enrol" },
          headers: { Cookie: cookie, Origin: BASE_URL, Accept: "text/html" },
          maxRedirects: 0,
        }),
      ),
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
    // The waitlist is in arrival order: every waitlisted row was queued after every enrolled row.
    const { rows: order } = await db.query(`SELECT status FROM "SessionEnrollment" WHERE "sessionId" = $1 ORDER BY "queuedAt", id`, [
      sessionId,
    ]);
    expect(order.map((r) => r.status)).toEqual([...Array(10).fill("enrolled"), ...Array(40).fill("waitlisted")]);
  } finally {
    await db.end();
  }
});
