import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, logout } from "./helpers";

// Long journeys (an administrator invites, the new user signs in several times) on a shared, loaded machine.
test.describe.configure({ timeout: 180_000 });

/** An administrator adds a trainee and returns the invitation link from the outbox. */
async function inviteTrainee(page: Page, email: string, name: string): Promise<string> {
  await login(page, "admin");
  await page.goto("/admin/users/new");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("氏名").fill(name);
  await page.getByRole("checkbox", { name: "受講者" }).check();
  await page.getByRole("button", { name: "追加して招待メールを送る" }).click();
  await expect(page.getByRole("status")).toContainText("招待メールを送りました");
  await page.goto("/admin/outbox");
  const body = await page.locator(".outbox-message").filter({ hasText: email }).first().locator(".mail-body").innerText();
  const link = body.match(/http\S+\/invite\/[a-z2-7]+/)?.[0];
  expect(link).toBeTruthy();
  await logout(page);
  return link!;
}

test("the privacy notice is linked from sign-in and every page's footer, in both languages", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("main").getByRole("link", { name: "個人情報の取扱い" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("個人情報の取扱いについて");
  await expect(page.getByRole("heading", { name: "事業所の自己評価" })).toBeVisible();
  await expect(page.getByText(/第\d+版/)).toBeVisible();
  // The whole retention schedule, with the ranges the system administrator may set, exports and backups included.
  const schedule = page.getByRole("region", { name: "2の2. 保存期間の一覧" });
  // 14 kinds: the application's attached file (issue 20) joined this stop.
  await expect(schedule.getByRole("listitem")).toHaveCount(14);
  await expect(schedule).toContainText("操作と閲覧の記録は5年後に削除（設定できる範囲：365–3650日）");
  await expect(schedule).toContainText("バックアップは毎日作成");
  // Nobody signed in: nothing to acknowledge.
  await expect(page.getByRole("button", { name: "内容を確認しました" })).toHaveCount(0);
  await page.locator(".lang-switch button").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How we handle personal information");
  await expect(page.getByRole("heading", { name: "Office self-evaluation" })).toBeVisible();
  await page.locator(".lang-switch button").click();

  await login(page, "manager");
  await page.goto("/evaluation");
  await page.getByRole("contentinfo").getByRole("link", { name: "個人情報の取扱い" }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  // The demo accounts have acknowledged the current version.
  await expect(page.getByText(/確認済みです/)).toBeVisible();
});

test("a new user is shown the notice once after signing in, acknowledges it, and is not asked again", async ({ page, browser }) => {
  const link = await inviteTrainee(page, "privacy.reader@example.jp", "読者 一郎");
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await invitee.getByLabel("新しいパスワード", { exact: true }).fill("reader-password-1");
  await invitee.getByLabel("新しいパスワード（確認）").fill("reader-password-1");
  await invitee.getByRole("button", { name: "パスワードを設定してログイン" }).click();
  // Until acknowledged, every page carries a banner to the notice.
  const banner = invitee.getByRole("region", { name: "個人情報の取扱い" });
  await expect(banner).toContainText("ご確認ください");
  await expectAccessible(invitee);
  await logout(invitee);

  // Signing in with a password shows the notice first, then goes on to where the user was going.
  await invitee.goto("/login?redirectTo=%2Fnotifications");
  await invitee.locator('input[name="email"]').fill("privacy.reader@example.jp");
  await invitee.locator('input[name="password"]').fill("reader-password-1");
  await invitee.locator('form[method="post"] button[type="submit"]').last().click();
  await expect(invitee).toHaveURL(/\/privacy\?next=%2Fnotifications$/);
  await expect(invitee.getByRole("heading", { name: "個人情報の取扱いについてのお知らせが新しくなりました" })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByRole("button", { name: "内容を確認しました" }).click();
  await expect(invitee).toHaveURL(/\/notifications$/);
  await expect(banner).toHaveCount(0);
  await invitee.goto("/privacy");
  await expect(invitee.getByText(/確認済みです/)).toBeVisible();
  await expect(invitee.getByRole("button", { name: "内容を確認しました" })).toHaveCount(0);

  // Not asked again at the next sign-in; the acknowledgement is in the audit log.
  await logout(invitee);
  await login(invitee, "privacy.reader@example.jp", "reader-password-1");
  await expect(invitee).toHaveURL(/\/$/);
  await context.close();
  await login(page, "admin");
  await page.goto("/admin/audit");
  await expect(page.getByText("privacy.acknowledge").first()).toBeVisible();
});

test("the notice reads at desktop and phone widths in both languages", async ({ page }, testInfo) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const lang of ["ja", "en"]) {
      await page.goto("/privacy");
      if ((await page.locator("html").getAttribute("lang")) !== lang) await page.locator(".lang-switch button").click();
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`privacy-${width}-${lang}.png`), fullPage: true });
    }
  }
  // Leave the browser in Japanese.
  await page.locator(".lang-switch button").click();
});
