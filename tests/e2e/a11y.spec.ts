import { expect, test } from "@playwright/test";
import { expectAccessible, login, type AccountName } from "./helpers";
import { ROUTES } from "./route-access";

// An axe scan of every page, in Japanese and in English, as a user allowed to see it.
for (const route of ROUTES.filter((r) => !r.notPage && r.allow.length > 0)) {
  const who: AccountName | null = route.allow === "public" ? null : route.allow === "signed-in" ? "trainee" : route.allow[0];
  test(`axe: ${route.url} (${who ?? "anonymous"})`, async ({ page }) => {
    if (who) await login(page, who);
    await page.goto(route.url);
    await expectAccessible(page);
    // Every page's title from the dictionaries, in one format, in the page's language (issue 14).
    await expect(page).toHaveTitle(/^\S.* \| つなぐ$/);
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible(page);
    await expect(page).toHaveTitle(/^\S.* \| Tsunagu$/);
    // Leave the account in Japanese for the next test.
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  });
}

test("phone width: the home page has no horizontal scroll and the menu is reachable", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await login(page, "admin");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The menu folds behind one button on a phone (issue 14); the administrator's pages are under 管理.
  const nav = page.getByRole("navigation", { name: "メインメニュー" });
  await nav.getByRole("button", { name: "メニュー" }).click();
  await nav.locator("summary", { hasText: "管理" }).click();
  await expect(nav.getByRole("link", { name: "利用者管理" })).toBeVisible();
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "本文へ移動" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
