import { expect, test } from "@playwright/test";
import { expectAccessible, login, logout } from "./helpers";

// Issue 19: the system administrator reads no office's answers until they open an emergency access with a
// reason; then they read (only), a banner says so, and the secretariat and the subcommittee see it.
// A long journey (three accounts, both languages, two widths) on a shared, loaded machine.
test.setTimeout(240_000);
test("a system administrator opens an emergency access with a reason, reads, closes it; the subcommittee sees it", async ({ page }) => {
  const reason = `E2E障害調査：事業所一覧が表示されない件（${Date.now()}）`;
  await login(page, "sysadmin");
  expect((await page.goto("/subcommittee/evaluations"))?.status()).toBe(403);

  await page.goto("/");
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "緊急アクセス", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("緊急アクセス");
  await expectAccessible(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/emergency-ja-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Too short a reason: refused next to the field, nothing opened.
  await page.getByLabel("理由（後で確認できるように具体的に）").fill("調査");
  await page.getByLabel("理由（後で確認できるように具体的に）").evaluate((el) => el.removeAttribute("minlength"));
  await page.getByRole("button", { name: "緊急アクセスを開く" }).click();
  await expect(page.getByText("理由を10文字以上で書いてください。")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("理由（後で確認できるように具体的に）").fill(reason);
  await page.getByRole("button", { name: "緊急アクセスを開く" }).click();
  await expect(page.getByRole("status")).toContainText("緊急アクセスを開きました");
  await expect(page.getByRole("region", { name: "緊急アクセス", exact: true })).toContainText("緊急アクセス中");
  await expect(page.getByRole("row").filter({ hasText: reason })).toBeVisible();
  await expectAccessible(page);

  // Reading is allowed now, with the banner on the page.
  expect((await page.goto("/subcommittee/evaluations"))?.status()).toBe(200);
  await expect(page.getByRole("region", { name: "緊急アクセス", exact: true })).toBeVisible();

  await page.locator(".lang-switch button").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/emergency-access");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Emergency access");
  await expectAccessible(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/emergency-en-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Close the emergency access" }).click();
  await expect(page.getByRole("status")).toContainText("Emergency access closed.");
  await page.locator(".lang-switch button").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  expect((await page.goto("/subcommittee/evaluations"))?.status()).toBe(403);
  await logout(page);

  // The subcommittee sees the register with the reason and the pages read; the secretariat sees it in the audit log.
  await login(page, "subcommittee");
  await page.goto("/emergency-access");
  const row = page.getByRole("row").filter({ hasText: reason });
  await expect(row).toContainText("小林 亮");
  await expect(row.getByRole("cell").last()).not.toHaveText("0");
  await expect(page.getByRole("button", { name: "緊急アクセスを開く" })).toHaveCount(0);
  await logout(page);

  await login(page, "admin");
  await page.goto("/admin/audit?action=emergency");
  await expect(page.getByText("緊急アクセスを開始").first()).toBeVisible();
  await expect(page.getByText("緊急アクセスで閲覧").first()).toBeVisible();
});
