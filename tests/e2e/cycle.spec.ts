import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { now, setClock } from "../../app/lib/clock";
import { fiscalYearLabelJa, fiscalYearOf } from "../../app/lib/fiscal-year";
import { expectAccessible, login } from "./helpers";

// The improvement cycle on the seeded demo data. The manager's office (けやき) has a plan in progress
// this fiscal year; last year had a city-wide sharing meeting with 16 offices and 24 people; all 22
// offices submitted last year's checklist. The tests run in order on one seeded database. Years count
// from the server's clock (TSUNAGU_NOW when the run sets it), never from a year written here.
setClock(process.env.TSUNAGU_NOW || null);
const CUR = fiscalYearOf(now());
const PREV = CUR - 1;
test.describe.configure({ mode: "serial" });

const MENU = "メインメニュー";

test("a manager files a plan item from a weak item, records progress and logs a peer activity", async ({ page }) => {
  test.setTimeout(180_000); // four pages scanned by axe, on a shared machine
  await login(page, "manager");
  await page.getByRole("navigation", { name: MENU }).getByRole("link", { name: "アクションプラン" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${fiscalYearLabelJa(CUR)} アクションプラン`);
  const before = await page.locator(".plan-item").count();

  // The weak items of the latest submitted checklist are offered first; pick one not yet in the plan.
  const addLink = page.locator(".weak-items a").first();
  const code = ((await addLink.textContent()) ?? "").match(/[A-Z]{2,5}-\d{2,3}/)![0];
  await addLink.click();
  const form = page.locator("#new-item");
  await expect(form.getByRole("checkbox", { name: new RegExp(code) })).toBeChecked();
  await form.getByLabel("課題", { exact: true }).fill("E2E: 手順が職員間で共有されていない。");
  await form.getByLabel("目標", { exact: true }).fill("全職員が手順を説明できる。");
  await form.getByLabel("具体的な取組").fill("手順書の改訂と読み合わせ。");
  await form.getByLabel("担当", { exact: true }).fill("管理者");
  await form.getByRole("button", { name: "項目を追加する" }).click();
  await expect(page.getByRole("status")).toHaveText("保存しました。");
  await expect(page.locator(".plan-item")).toHaveCount(before + 1);

  const item = page.locator(".plan-item").last();
  await expect(item).toContainText(code);
  await item.getByText("進捗を記録する").first().click();
  await item.getByLabel("進捗", { exact: true }).fill("E2E: 手順書の改訂案を作成した。");
  await item.getByLabel("根拠資料").fill("改訂案 v1");
  await item.getByLabel("状態", { exact: true }).selectOption("IN_PROGRESS");
  await item.getByRole("button", { name: "進捗を保存する" }).click();
  await expect(page.locator(".plan-item").last()).toContainText("E2E: 手順書の改訂案を作成した。");
  await expect(page.locator(".plan-item").last().locator(".badge").first()).toHaveText("実施中");
  await expect(page.getByText("月ごとの計画項目の状態").first()).toBeVisible();
  await expectAccessible(page);

  // Editing an item keeps every checklist item it names ticked, also those that are not weak ones; saving without a
  // change keeps them all. The edit form is drawn only for the item being edited.
  const first = page.locator(".plan-item").first();
  const codesOf = async (card: typeof first) =>
    (await card.locator(".plan-item-fields li > strong").allTextContents()).filter((c) => /^[A-Z]+-\d+$/.test(c));
  const codes = await codesOf(first);
  expect(codes.length).toBeGreaterThan(0);
  await expect(page.locator(".plan-edit form")).toHaveCount(0);
  await first.getByRole("link", { name: "この項目を編集する" }).click();
  const edit = page.locator(".plan-edit form");
  await expect(edit).toHaveCount(1);
  for (const c of codes) await expect(edit.getByRole("checkbox", { name: new RegExp(c) })).toBeChecked();
  await expectAccessible(page);
  await edit.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByRole("status")).toHaveText("保存しました。");
  await expect(page.locator(".plan-edit form")).toHaveCount(0);
  expect(await codesOf(page.locator(".plan-item").first())).toEqual(codes);

  await page.getByRole("navigation", { name: MENU }).getByRole("link", { name: "ピア研修" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ピア研修");
  const log = page.locator("section", { has: page.getByRole("heading", { name: "活動を記録する" }) });
  await log.getByLabel("種類").selectOption("STUDY");
  await log.locator('input[name="offices"]').first().check();
  await log.locator('input[name="itemCodes"]').first().check();
  await log.locator('input[name="planItems"]').first().check();
  await log.getByRole("textbox", { name: "学んだこと" }).fill("E2E: 他事業所の手順書の構成を学んだ。");
  await log.getByRole("button", { name: "記録する" }).click();
  await expect(page.getByRole("status")).toHaveText("活動を記録しました。");
  await expect(page.getByText("E2E: 他事業所の手順書の構成を学んだ。")).toBeVisible();
  await expectAccessible(page);
});

test("the subcommittee comments on the plan and sees it on its dashboard", async ({ page }) => {
  await login(page, "subcommittee");
  await page.goto(`/subcommittee/action-plans?year=${CUR}`);
  await page.getByRole("link", { name: "障害者相談支援事業所 けやき" }).click();
  const item = page.locator(".plan-item").last();
  await expect(item).toContainText("E2E: 手順書の改訂案を作成した。");
  await item.getByRole("textbox").fill("E2E: 改訂後の手順書を共有する会で紹介してください。");
  await item.getByRole("button", { name: "コメントする" }).click();
  await expect(page.getByRole("status")).toHaveText("コメントしました。");
  await expect(page.locator(".plan-item").last()).toContainText("E2E: 改訂後の手順書を共有する会で紹介してください。");

  await page.goto(`/subcommittee?year=${CUR}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("評価・研修部会 ダッシュボード");
  const peer = page.locator("section", { has: page.getByRole("heading", { name: "ピア研修の実施数" }) });
  // Seeded: 2 activities per ward this year; the manager's study session makes 3 in its ward.
  await expect(peer.locator("tbody tr").filter({ hasText: "3" })).toHaveCount(1);
  const plans = page.locator("section", { has: page.getByRole("heading", { name: "アクションプランの進捗" }) });
  await expect(plans.locator("tbody td").first()).not.toHaveText("");
  await expectAccessible(page);
});

test("the manager reads the subcommittee's comment", async ({ page }) => {
  await login(page, "manager");
  await page.goto("/action-plan");
  await expect(page.locator(".plan-item").last()).toContainText("E2E: 改訂後の手順書を共有する会で紹介してください。");
  // Told without looking: a notice, reached from the menu, links back to the plan.
  await page.getByRole("navigation", { name: MENU }).getByRole("link", { name: "お知らせ" }).click();
  const notice = page.locator(".notifications li").filter({ hasText: "E2E: 改訂後の手順書を共有する会で紹介してください。" });
  await expect(notice).toContainText(`${fiscalYearLabelJa(CUR)}のアクションプランにコメントしました`);
  await notice.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/action-plan\\?year=${CUR}$`));
  await expectAccessible(page);
});

test("the annual report downloads as XLSX with its figures", async ({ page }) => {
  await login(page, "subcommittee");
  await page.goto(`/subcommittee/report/${PREV}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${fiscalYearLabelJa(PREV)} 年次報告`);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Excel（XLSX）で保存" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`annual-report-${PREV}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const rows = new Map<string, unknown>();
  // Columns: programme, figure, what it counts, value.
  workbook.worksheets[0].eachRow((row) => rows.set(String(row.getCell(2).value), row.getCell(4).value));
  expect(rows.get("項目")).toBe("数");
  expect(rows.get("自己評価を提出した事業所")).toBe(22);
  expect(rows.get("共有する会 参加事業所")).toBe(16);
  expect(rows.get("共有する会 参加者数")).toBe(24);
  expect(rows.get("ピア研修の実施数")).toBe(5);
  expect(typeof rows.get("基礎研修 前期（オンデマンド） 受講者数")).toBe("number");
  // Last year has no group sessions in the demo data (a counted zero, not "—"), but the demo trainee's
  // group-session certificate of that year is counted: the report no longer shows 0 for every training row.
  expect(rows.get("基礎研修 後期（集合研修） 受講者数")).toBe(0);
  expect(rows.get("基礎研修 後期（集合研修） 修了証の発行数")).toBe(1);

  const csv = await page.request.get(`/subcommittee/report/${PREV}/csv`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("自己評価を提出した事業所,その年度のチェックシートを提出済みの事業所（差し戻し中を除く）,22");
});

test("a trainee sees none of it", async ({ page }) => {
  await login(page, "trainee");
  for (const url of ["/action-plan", "/meetings", "/peer", "/subcommittee", `/subcommittee/report/${PREV}`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
  }
});

test("phone width: the cycle's pages have no horizontal scroll", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await login(page, "manager");
  for (const url of ["/action-plan", "/peer", "/meetings/1"]) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});
