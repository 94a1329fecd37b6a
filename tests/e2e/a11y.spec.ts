import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, type AccountName } from "./helpers";
import { ROUTES } from "./route-access";

// An axe scan of every page, in Japanese and in English, at 1280 px and at a phone's 390 × 844, as a user allowed to
// see it. The scans name their route: scripts/a11y-results.ts publishes them on /accessibility (decision 057). At 390 px
// the tables scroll sideways in their box (app/components/data-table.tsx), which must then be reachable by keyboard.
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

/** Resize the page and let its ResizeObservers (the table boxes) settle before the next scan. */
async function resize(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

for (const route of ROUTES.filter((r) => !r.notPage && r.allow.length > 0)) {
  const who: AccountName | null = route.allow === "public" ? null : route.allow === "signed-in" ? "trainee" : route.allow[0];
  test(`axe: ${route.url} (${who ?? "anonymous"})`, async ({ page }) => {
    // Four scans of one page on a shared, loaded machine.
    test.setTimeout(240_000);
    const scanned = { route: route.file };
    await page.setViewportSize(DESKTOP);
    if (who) await login(page, who);
    // The page itself, not an error page in its place (an error page is accessible too).
    const response = await page.goto(route.url);
    expect(response?.status(), `${route.url} answers`).toBe(route.okStatus ?? 200);
    await expectAccessible(page, scanned);
    await resize(page, PHONE);
    await expectAccessible(page, scanned);
    await resize(page, DESKTOP);
    // Every page's title from the dictionaries, in one format, in the page's language (issue 14).
    await expect(page).toHaveTitle(/^\S.* \| つなぐ$/);
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // In English too the page itself, not the error page (the switch reloads the data in the page).
    await expect(page.locator(".error-page")).toHaveCount(route.okStatus === 404 ? 1 : 0);
    await expectAccessible(page, scanned);
    await resize(page, PHONE);
    await expectAccessible(page, scanned);
    await resize(page, DESKTOP);
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
