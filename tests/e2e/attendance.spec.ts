import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, expectAccessibleInBothLanguages, login } from "./helpers";

// The demo's past two-day session with late arrivals, early leaves and a make-up (scripts/lib/seed-attendance.ts),
// and the first past session, whose survey has five answers.
const TWO_DAY = "基礎研修 後期 第5回：モニタリングと計画の見直し（2日間）";
const FIRST = "基礎研修 後期 第1回：個別支援とアセスメントの演習";

async function as(browser: Browser, who: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, who);
  if ((await page.locator("html").getAttribute("lang")) !== "ja") {
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  }
  return page;
}

/** The committee's roster URL of a session, found by its title on the sessions page. */
async function rosterUrl(page: Page, title: string) {
  await page.goto("/committee/sessions");
  const href = await page.getByRole("link", { name: title }).first().getAttribute("href");
  expect(href).toMatch(/^\/committee\/sessions\/\d+$/);
  return href!;
}

// The pages first (the demo trainee has not answered yet), then the flow that answers.
for (const [who, path] of [
  ["committee", "roster"],
  ["committee", "/committee/surveys"],
  ["committee", "results"],
  ["trainee", "survey"],
] as const) {
  test(`${path} in both languages, at desktop and phone width, passes axe`, async ({ browser }) => {
    test.setTimeout(300_000);
    const page = await as(browser, who);
    let url: string = path;
    if (path === "roster") url = await rosterUrl(page, TWO_DAY);
    if (path === "results") {
      await page.goto("/committee/surveys");
      url = (await page.getByRole("link", { name: FIRST }).getAttribute("href"))!;
    }
    if (path === "survey") {
      await page.goto("/");
      url = (await page.getByRole("link", { name: "アンケートに回答する" }).first().getAttribute("href"))!;
    }
    await expectAccessibleInBothLanguages(page, url, `attendance-${path.replaceAll("/", "_")}`);
    await page.context().close();
  });
}

test("the committee records a late arrival on the roster at phone width; a trainee answers the survey; the committee sees the results", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const committee = await as(browser, "committee");
  await committee.setViewportSize({ width: 390, height: 900 });
  const roster = await rosterUrl(committee, TWO_DAY);
  await committee.goto(roster);
  await expectAccessible(committee);
  const row = committee.getByRole("row", { name: /遠藤 蒼太/ });
  // Day 1 is the first minutes form in the row.
  await row.getByLabel("遅刻（分）").first().fill("500");
  await row.getByRole("button", { name: /時間を保存: 遠藤 蒼太 1/ }).click();
  await expect(committee.getByRole("alert")).toContainText("0以上、その日の研修時間以内");
  await committee
    .getByRole("row", { name: /遠藤 蒼太/ })
    .getByLabel("遅刻（分）")
    .first()
    .fill("35");
  await committee
    .getByRole("row", { name: /遠藤 蒼太/ })
    .getByRole("button", { name: /時間を保存: 遠藤 蒼太 1/ })
    .click();
  await expect(committee.getByRole("status")).toContainText("遠藤 蒼太さんの遅刻・早退を記録しました");
  await expect(
    committee
      .getByRole("row", { name: /遠藤 蒼太/ })
      .getByLabel("遅刻（分）")
      .first(),
  ).toHaveValue("35");
  await expect(committee.getByRole("row", { name: /遠藤 蒼太/ })).toContainText("欠けた時間 35分（上限 84分）");
  // The make-up assigned in the demo data is shown, not yet done; over the rule, no certificate.
  const madeUp = committee.getByRole("row", { name: /藤田 凛/ });
  await expect(madeUp).toContainText("あと36分の補講が必要");
  await expect(madeUp).toContainText("第2日午後の演習");
  expect(await committee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(committee);

  // The demo trainee attended: the home offers the survey; they answer once.
  const trainee = await as(browser, "trainee");
  await trainee.goto("/");
  await trainee.getByRole("link", { name: "アンケートに回答する" }).first().click();
  await expect(trainee).toHaveURL(/\/surveys\/session-\d+$/);
  await expect(trainee.getByRole("heading", { level: 1 })).toContainText(TWO_DAY);
  await expectAccessible(trainee);
  const groups = trainee.getByRole("group");
  const count = await groups.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++) await groups.nth(i).getByLabel("4").check();
  await trainee.getByRole("textbox").first().fill("2日間の演習で計画の見直し方がわかった");
  await trainee.getByRole("button", { name: "回答を送信" }).click();
  await expect(trainee.getByRole("status")).toContainText("ご回答ありがとうございました");
  await trainee.reload();
  await expect(trainee.getByRole("button", { name: "回答を送信" })).toHaveCount(0);
  await expectAccessible(trainee);

  // The committee: one answer to the two-day session is withheld; the first session's five are shown.
  await committee.setViewportSize({ width: 1280, height: 900 });
  await committee.goto("/committee/surveys");
  await expectAccessible(committee);
  const line = committee.getByRole("row", { name: new RegExp(TWO_DAY) });
  await expect(line.getByRole("cell").nth(0)).toHaveText("1");
  await expect(line.getByRole("cell").nth(1)).toHaveText("5");
  await expect(line.getByRole("cell").nth(2)).toHaveText("20%");
  await line.getByRole("link").click();
  await expect(committee.getByRole("status")).toContainText("3人未満");
  await committee.goto("/committee/surveys");
  await committee.getByRole("link", { name: FIRST }).click();
  await expect(committee.getByRole("heading", { level: 1 })).toContainText(FIRST);
  // Each rating question's chart keeps its table behind 「表で見る」.
  await committee.getByText("表で見る").first().click();
  await expect(committee.getByRole("table").first()).toBeVisible();
  await expect(committee.getByText("事例検討のグループワークが実務に役立ちました。")).toBeVisible();
  await expect(committee.getByRole("link", { name: "CSVでダウンロード" })).toHaveAttribute("href", /\.csv$/);
  await expectAccessible(committee);
  await committee.context().close();
  await trainee.context().close();
});
