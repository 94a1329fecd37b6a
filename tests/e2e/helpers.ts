import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { appendFileSync } from "node:fs";
import { criteriaOfTags, type AxeRuleOutcome, type AxeScan } from "../../app/accessibility/results";

export const DEMO_PASSWORD = "tsunagu-demo-2024";
export const ACCOUNTS = {
  trainee: "trainee@example.jp",
  manager: "manager@example.jp",
  committee: "committee@example.jp",
  subcommittee: "subcommittee@example.jp",
  admin: "admin@example.jp",
  sysadmin: "sysadmin@example.jp",
} as const;
export type AccountName = keyof typeof ACCOUNTS;

/** Signs in through the real form. */
export async function login(
  page: Page,
  who: AccountName | string,
  password = DEMO_PASSWORD,
  { keepLanguage = false }: { keepLanguage?: boolean } = {},
) {
  const email = who in ACCOUNTS ? ACCOUNTS[who as AccountName] : who;
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form[method="post"] button[type="submit"]').last().click();
  await expect(page).not.toHaveURL(/\/login/);
  // The signed-in page itself: its sign-out form and <html lang> come from the same root data, so once the form is
  // there the language read below is the account's (not the sign-in page's, drawn from the browser's cookie).
  await expect(page.locator('form[action="/logout"]')).toBeAttached();
  // The language is kept on the account: a spec that stopped half-way in English would leave it so for the next one.
  // Every spec starts in Japanese and switches itself when it wants English (unless it tests the language itself).
  if (!keepLanguage && (await page.locator("html").getAttribute("lang")) !== "ja") {
    // Wait for the switch's answer: only then is Japanese stored on the account (a page opened before it came would
    // still be drawn in English — the flake seen in phone-menu.spec at 390 px).
    // A hydrated page posts to /lang.data (Remix single fetch), one not yet hydrated to /lang.
    const stored = page.waitForResponse((r) => /^\/lang(\.data)?$/.test(new URL(r.url()).pathname) && r.request().method() === "POST");
    await page.locator(".lang-switch button").click();
    expect((await stored).status()).toBeLessThan(400);
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  }
}

export async function logout(page: Page) {
  await page.locator('form[action="/logout"] button').click();
  await expect(page).toHaveURL(/\/login/);
}

/** Signs in through HTTP (with the Origin header a browser sends) for an API request context. */
export async function apiLogin(request: APIRequestContext, baseURL: string, who: AccountName) {
  const response = await request.post("/login", {
    form: { email: ACCOUNTS[who], password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
}

/**
 * Fails on any WCAG 2.x A/AA violation, of any impact. With A11Y_SCANS_FILE set (scripts/a11y-results.ts sets
 * it), each scan's outcome by success criterion is appended there, for the published test results (decision 057).
 */
export async function expectAccessible(page: Page, scanned: { route?: string } = {}) {
  // The app's own page: the published results once held a moderate `meta-viewport` on a module page in English, which
  // was Chromium's network-error page (its title "localhost", its viewport not zoomable) scanned in the page's place.
  await expect(page.locator("main#main"), `${page.url()} is a page of the app`).toHaveCount(1);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  if (process.env.A11Y_SCANS_FILE) await recordScan(page, results, scanned.route ?? null, process.env.A11Y_SCANS_FILE);
  // Zero findings of any impact, minor and moderate included (issue 14).
  expect(
    results.violations.map((v) => `${v.impact ?? "?"} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/**
 * axe on a page in Japanese then English, each at desktop and phone width; at phone width nothing is wider than the
 * screen (tables scroll inside their own box). The account is left in Japanese. SCREENSHOTS=1 keeps a picture of
 * each, named `test-results/<name>-<lang>-<width>.png`.
 */
export async function expectAccessibleInBothLanguages(page: Page, url: string, name: string) {
  await page.goto(url);
  for (const lang of ["ja", "en"]) {
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await expectAccessible(page);
      if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `test-results/${name}-${lang}-${width}.png`, fullPage: true });
    }
    await page.locator(".lang-switch button").click();
  }
}

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** One JSON line per scan: which rules passed, failed or needed review, by success criterion. */
async function recordScan(page: Page, results: AxeResults, route: string | null, file: string) {
  const outcomes = (list: AxeResults["passes"]): AxeRuleOutcome[] =>
    list.map((r) => ({ id: r.id, impact: r.impact ?? null, criteria: criteriaOfTags(r.tags), nodes: r.nodes.length }));
  const url = new URL(page.url());
  const scan: AxeScan = {
    at: new Date().toISOString(),
    route,
    url: url.pathname + url.search,
    lang: (await page.locator("html").getAttribute("lang")) ?? "",
    width: page.viewportSize()?.width ?? 0,
    title: await page.title(),
    engine: `axe-core ${results.testEngine.version}`,
    browser: `Chromium ${page.context().browser()?.version() ?? ""}`.trim(),
    passes: outcomes(results.passes),
    violations: outcomes(results.violations),
    incomplete: outcomes(results.incomplete),
  };
  appendFileSync(file, JSON.stringify(scan) + "\n");
}
