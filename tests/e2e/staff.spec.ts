import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, expectAccessibleInBothLanguages, login } from "./helpers";

// Staff (issue 20, part 2). The demo office けやき (manager@example.jp) has 中村 結菜, whose refresher training is due
// by the end of the current fiscal year, and 木村 拓也's transfer to あおばの杜 in its history (scripts/lib/seed-staff.ts).
const NEAR = "中村 結菜";
const OTHER_OFFICE = "相談支援センター あおばの杜";

async function as(browser: Browser, who: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, who);
  if ((await page.locator("html").getAttribute("lang")) !== "ja") {
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  }
  return page;
}

test("a manager sees a near deadline, invites a member of staff, records their training and their transfer", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await as(browser, "manager");
  await page.goto("/");
  await page.getByRole("link", { name: "職員の管理" }).first().click();
  await expect(page).toHaveURL(/\/office\/staff$/);
  const attention = page.getByRole("region", { name: "現任研修の期限が近い職員" });
  await expect(attention.getByRole("link", { name: NEAR })).toBeVisible();
  await expect(page.getByRole("region", { name: "異動・退職の履歴" })).toContainText(`木村 拓也`);
  await expectAccessible(page);

  // Invite a new member of staff; a missing name is refused and the e-mail typed is kept.
  const name = `E2E 職員 ${Date.now()}`;
  const email = `e2e-staff-${Date.now()}@example.jp`;
  const invite = page.getByRole("region", { name: "職員を招待" });
  await invite.getByLabel("メールアドレス").fill(email);
  await invite.getByLabel("氏名").fill(" ");
  await invite.getByRole("button", { name: "招待する" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(invite.getByLabel("メールアドレス")).toHaveValue(email);
  await invite.getByLabel("氏名").fill(name);
  await invite.getByRole("button", { name: "招待する" }).click();
  await expect(page.getByRole("status")).toContainText(name);

  // Their statutory training, with the evidence named.
  await page.getByRole("link", { name: `${name} さんの詳細` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await page.getByLabel("初任者研修を修了した年度（例：2021、令和3）").fill("令和5");
  await page.getByLabel("初任者研修の修了証書（番号・発行者）").fill("宮城県 第E2E号");
  await page.getByRole("button", { name: "記録を保存" }).click();
  await expect(page.getByRole("status")).toContainText("法定研修の記録を保存しました。");
  await expect(page.getByText("現任研修の期限：")).toBeVisible();
  await expectAccessible(page);

  // A transfer dated ahead is scheduled: they stay on this page with the move shown, and it can be cancelled.
  const ahead = new Date(Date.now() + 14 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
  await page.getByLabel("異動先の事業所").selectOption({ label: OTHER_OFFICE });
  await page.getByLabel("日付", { exact: true }).fill(ahead);
  await page.getByRole("button", { name: "異動を記録" }).click();
  await expect(page.getByRole("status")).toContainText("予定として記録しました");
  const scheduled = page.getByRole("region", { name: "予定されている異動・退職" });
  await expect(scheduled).toContainText(`${OTHER_OFFICE} へ異動の予定です`);
  await expectAccessible(page);
  await scheduled.getByRole("button", { name: "予定を取り消す" }).click();
  await expect(page.getByRole("status")).toContainText("予定を取り消しました");

  // The transfer today: they leave the list, the history names where they went.
  await page.getByLabel("異動先の事業所").selectOption({ label: OTHER_OFFICE });
  await page.getByRole("button", { name: "異動を記録" }).click();
  await expect(page).toHaveURL(/\/office\/staff\?recorded=transfer/);
  await expect(page.getByRole("status")).toContainText("異動を記録しました");
  const history = page.getByRole("region", { name: "異動・退職の履歴" });
  await expect(history).toContainText(name);
  await expect(history).toContainText(`${OTHER_OFFICE} へ異動`);
  await expect(page.getByRole("region", { name: "職員一覧" }).getByRole("link", { name: `${name} さんの詳細` })).toHaveCount(0);
  await page.context().close();
});

test("a trainee finds their training record from their account", async ({ browser }) => {
  const page = await as(browser, "trainee");
  await page.goto("/account");
  await page.getByRole("link", { name: "研修の記録（初任者研修・現任研修）" }).click();
  await expect(page).toHaveURL(/\/account\/training-record$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("研修の記録");
  await expect(page.getByText("現任研修の期限：")).toBeVisible();
  await page.context().close();
});

for (const [who, url] of [
  ["manager", "/office/staff"],
  ["manager", "/office/staff/2"],
  ["trainee", "/account/training-record"],
] as const) {
  test(`${url} in both languages, at desktop and phone width, passes axe`, async ({ browser }) => {
    test.setTimeout(240_000);
    const page = await as(browser, who);
    await expectAccessibleInBothLanguages(page, url, `staff-${url.replaceAll("/", "_")}`);
    await page.context().close();
  });
}
