import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login } from "./helpers";

// Both languages, two widths and a sign-in on a shared, loaded machine.
test.setTimeout(180_000);

test("the accessibility statement is public, linked from every footer next to the privacy link, in both languages", async ({ page }) => {
  // Nobody signed in: from the sign-in page's footer.
  await page.goto("/login");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "個人情報の取扱い" })).toBeVisible();
  await footer.getByRole("link", { name: "アクセシビリティ方針" }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("アクセシビリティ方針");
  await expect(page.getByText(/JIS X 8341-3:2016/).first()).toBeVisible();
  for (const name of ["1. 方針", "2. 確認の方法", "3. 既知の制約", "4. 最終確認日", "5. 問題のご連絡"]) {
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  await expect(page.getByText(/最終確認日：\d{4}年/)).toBeVisible();
  await expect(page.getByText("窓口：")).toBeVisible();
  // The test results in the national guideline's form: a dated run, the pages tested, one row per success criterion.
  await expectResultsTable(page, {
    heading: "6. 試験結果",
    caption: /達成基準ごとの試験結果/,
    date: /自動試験 \d{4}年\d{1,2}月\d{1,2}日/,
    pages: /(\d+) ページ（一覧）/,
    criterion: "ページの言語",
  });
  await expectAccessible(page);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/accessibility-ja-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.locator(".lang-switch button").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  await expect(page.getByRole("heading", { name: "3. Known limits" })).toBeVisible();
  await expect(page.getByText(/Last reviewed: /)).toBeVisible();
  await expectResultsTable(page, {
    heading: "6. Test results",
    caption: /Test results by success criterion/,
    date: /Automated test \w{3} \d{1,2} \w+ \d{4}/,
    pages: /(\d+) pages \(list\)/,
    criterion: "Language of Page",
  });
  await expectAccessible(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/accessibility-en-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator(".lang-switch button").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");

  // Signed in: the same link in the footer of an ordinary page.
  await login(page, "trainee");
  await page.goto("/notifications");
  await page.getByRole("contentinfo").getByRole("link", { name: "アクセシビリティ方針" }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("アクセシビリティ方針");
});

/** The results section: its table has a row for each of the 56 success criteria, a date, and the pages listed. */
async function expectResultsTable(page: Page, text: { heading: string; caption: RegExp; date: RegExp; pages: RegExp; criterion: string }) {
  const section = page.getByRole("region", { name: text.heading });
  await expect(section.getByRole("heading", { level: 2 })).toHaveText(text.heading);
  await expect(section.getByText(text.date)).toBeVisible();
  const table = section.getByRole("table", { name: text.caption });
  await expect(table.locator("tbody tr")).toHaveCount(56);
  await expect(table.getByRole("rowheader", { name: "3.1.1" })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(`^3\\.1\\.1 ${text.criterion}`) })).toBeVisible();
  // JIS X 8341-3:2016's 38 criteria are marked as such; 2.1 and 2.2 additions by their own standard.
  await expect(table.locator("tbody tr", { hasText: /JIS ?[（(]WCAG 2\.0[)）]/ })).toHaveCount(38);
  // At a phone's width the table scrolls in its own focusable region named by its caption, not the page (the
  // region and its tab stop are dropped while the table fits, app/components/data-table.tsx).
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(section.getByRole("region", { name: text.caption })).toHaveAttribute("tabindex", "0");
  if (desktop) await page.setViewportSize(desktop);
  const summary = section.locator("summary", { hasText: text.pages });
  const count = Number(text.pages.exec((await summary.textContent()) ?? "")?.[1]);
  expect(count).toBeGreaterThan(50);
  await summary.click();
  await expect(section.locator(".a11y-results-pages li")).toHaveCount(count);
  await expect(section.locator(".a11y-results-pages li", { hasText: "/accessibility" })).toHaveCount(1);
  await summary.click();
}
