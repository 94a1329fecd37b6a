import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

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
export async function login(page: Page, who: AccountName | string, password = DEMO_PASSWORD) {
  const email = who in ACCOUNTS ? ACCOUNTS[who as AccountName] : who;
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form[method="post"] button[type="submit"]').last().click();
  await expect(page).not.toHaveURL(/\/login/);
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

/** Fails on any serious or critical WCAG 2.x A/AA violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
