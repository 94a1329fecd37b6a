import { expect, test, type Page } from "@playwright/test";
import { writeFileSync, mkdirSync } from "node:fs";
import { now, setClock } from "../../app/lib/clock";
import { fiscalYearOf } from "../../app/lib/fiscal-year";
import { login } from "./helpers";

// The figures issue 14 names (HTML size, form controls, page height, Tab presses to submit, menu height),
// measured the same way before and after the checklist was split into steps. Each step of the sheet is
// fetched (on the one-page sheet, ?step= is ignored, so every "step" is the whole sheet). The figures are
// printed and written to test-results/usability-figures.json; the bounds the issue sets are asserted in
// checklist-steps.spec.ts and phone-menu.spec.ts (which also measures the menu per role).
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
  console.log(JSON.stringify(figures, null, 2));
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/usability-figures.json", JSON.stringify(figures, null, 2));
});
