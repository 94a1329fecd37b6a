import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, login } from "./helpers";

// A trainee of the demo office けやき, whose manager is manager@example.jp. The demo data makes けやき weak in
// 人材育成 (HRD) last year, so the page recommends the hr foundations module.
const STAFF = "sora.takahashi@example.jp";
const STAFF_NAME = "高橋 空";
const MODULE = "case-review-basics";

async function as(browser: Browser, who: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, who);
  await page.goto("/");
  if ((await page.locator("html").getAttribute("lang")) !== "ja") {
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  }
  return page;
}

/** axe at desktop and phone width, in Japanese then English (the account is left in Japanese). */
async function scanBothWays(page: Page) {
  for (const lang of ["ja", "en"]) {
    if (lang === "en") {
      await page.locator(".lang-switch button").click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    }
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expectAccessible(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  }
  await page.locator(".lang-switch button").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a manager sees the staff's training, recommends a module, and the trainee sees it on their home", async ({ browser }) => {
  test.setTimeout(180_000);
  const manager = await as(browser, "manager");
  await manager.getByRole("main").getByRole("link", { name: "職員の研修" }).click();
  await expect(manager).toHaveURL(/\/office\/training$/);
  await expect(manager.getByRole("heading", { level: 1 })).toContainText("職員の研修記録");
  await expect(manager.locator(".staff-records").getByRole("heading", { name: STAFF_NAME })).toBeVisible();
  await scanBothWays(manager);

  const card = manager.locator('[data-category="HRD"]');
  await expect(card).toBeVisible();
  await card.getByLabel("職員").selectOption({ label: STAFF_NAME });
  await card.getByLabel("研修").selectOption(`module:${MODULE}`);
  await card.getByRole("button", { name: "すすめる" }).click();
  // A first run sends it; a run on the same database finds it already recommended (recorded once).
  await expect(manager.getByRole("status")).toContainText(/おすすめを送りました|すでにこの職員にすすめています/);
  await expect(manager.locator(".recommended-list")).toContainText(STAFF_NAME);

  const trainee = await as(browser, STAFF);
  await trainee.goto("/");
  const section = trainee.getByRole("region", { name: "事業所からのおすすめ" });
  await expect(section.locator(`a[href="/training/modules/${MODULE}"]`)).toBeVisible();
  await expect(section).toContainText("障害者相談支援事業所 けやき");
  await scanBothWays(trainee);
});

test("a manager cannot read another office's staff; the subcommittee sees training's effect, labelled as an association", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const manager = await as(browser, "manager");
  const other = await manager.goto("/office/training?office=1");
  expect(other?.status()).toBe(403);

  const sub = await as(browser, "subcommittee");
  await sub.goto("/subcommittee");
  const effect = sub.locator("section.training-effect");
  await expect(effect).toContainText("証明ではありません");
  await expect(effect.getByRole("table")).toBeVisible();
  await sub.goto("/office/training");
  await expect(sub.getByRole("heading", { level: 1 })).toHaveText("事業所を選んでください");
  await scanBothWays(sub);
});
