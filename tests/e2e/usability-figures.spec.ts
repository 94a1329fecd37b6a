import { expect, test, type Page } from "@playwright/test";
import { writeFileSync, mkdirSync } from "node:fs";
import { now, setClock } from "../../app/lib/clock";
import { fiscalYearOf } from "../../app/lib/fiscal-year";
import { login, logout, type AccountName } from "./helpers";

// The figures issue 14 names (HTML size, form controls, page height, Tab presses to submit, menu height),
// measured the same way before and after the checklist was split into steps. Each step of the sheet is
// fetched (on the one-page sheet, ?step= is ignored, so every "step" is the whole sheet). The figures are
// printed and written to test-results/usability-figures.json; the bounds the issue sets are asserted in
// checklist-steps.spec.ts and phone-menu.spec.ts.
setClock(process.env.TSUNAGU_NOW || null);
const CUR = fiscalYearOf(now());
test.describe.configure({ mode: "serial" });

const figures: Record<string, unknown> = {};

async function controls(page: Page) {
  return page.locator("main input:not([type=hidden]), main textarea, main select, main button").count();
}

test("sheet figures", async ({ page }) => {
  test.setTimeout(600_000);
  await login(page, "manager");
  const steps: { step: string; html: number; controls: number; height1280: number; height390: number }[] = [];
  const names = [...Array.from({ length: 9 }, (_, i) => String(i + 1)), "summary"];
  for (const step of names) {
    const url = `/evaluation/${CUR}?step=${step}`;
    const html = (await (await page.request.get(url)).body()).length;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    const height1280 = await page.evaluate(() => document.documentElement.scrollHeight);
    const count = await controls(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const height390 = await page.evaluate(() => document.documentElement.scrollHeight);
    steps.push({ step, html, controls: count, height1280, height390 });
  }
  figures.steps = steps;
  figures.heaviestHtml = Math.max(...steps.map((s) => s.html));
  figures.liveRegions = await page.locator('main [role="status"], main [aria-live]').count();
  // Tab stops from the top of the last step (or the one page) to the submit button: the focusable
  // elements in order, a radio group counted once (Tab enters a group once, arrows move inside it).
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/evaluation/${CUR}?step=summary`);
  figures.tabStopsToSubmitOnLastView = await page.evaluate(() => {
    const all = Array.from(
      document.querySelectorAll<HTMLElement>(
        "a[href], button, input:not([type=hidden]), textarea, select, summary, [tabindex]:not([tabindex='-1'])",
      ),
    ).filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && el.tabIndex >= 0);
    const groups = new Set<string>();
    let stops = 0;
    for (const el of all) {
      if (el instanceof HTMLInputElement && el.type === "radio") {
        if (groups.has(el.name)) continue;
        groups.add(el.name);
      }
      stops++;
      if (el.textContent?.trim() === "提出する") return stops;
    }
    return -1;
  });
  expect(steps.length).toBe(10);
});

test("menu figures", async ({ page }) => {
  const menu: Record<string, { phone: number; desktop: number }> = {};
  for (const who of ["trainee", "manager", "committee", "subcommittee", "admin"] as AccountName[]) {
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, who);
    const phone = (await page.locator("header.site-header nav.site-nav, header.site-header .site-nav").first().boundingBox())?.height ?? 0;
    const header = (await page.locator("header.site-header").boundingBox())?.height ?? 0;
    await page.setViewportSize({ width: 1280, height: 800 });
    const desktop = (await page.locator("header.site-header .site-nav ul").first().boundingBox())?.height ?? 0;
    menu[who] = { phone, desktop };
    (menu[who] as Record<string, number>).headerPhone = header;
    await logout(page);
  }
  figures.menu = menu;
  console.log(JSON.stringify(figures, null, 2));
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/usability-figures.json", JSON.stringify(figures, null, 2));
});

// Screenshots of the new views, to look at (test-results/screens/*.png): the sheet's first step and its
// summary, and the phone menu opened, at 1280 and 390 wide, in both languages.
test("screens", async ({ page }) => {
  test.setTimeout(300_000);
  mkdirSync("test-results/screens", { recursive: true });
  await login(page, "manager");
  for (const locale of ["ja", "en"]) {
    if ((await page.locator("html").getAttribute("lang")) !== locale) {
      await page.locator(".lang-switch button").click();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
    }
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      await page.goto(`/evaluation/${CUR}?step=4`);
      await page.screenshot({ path: `test-results/screens/step-${width}-${locale}.png` });
      await page.goto(`/evaluation/${CUR}?step=summary`);
      await page.screenshot({ path: `test-results/screens/summary-${width}-${locale}.png`, fullPage: true });
      if (width === 390) {
        await page.locator(".menu-toggle").click();
        await page.screenshot({ path: `test-results/screens/menu-${width}-${locale}.png` });
      }
    }
  }
  await page.locator(".lang-switch button").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});
