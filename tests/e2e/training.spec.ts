import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { expectAccessible, login } from "./helpers";

// A trainee the demo data enrols in this year's training without having started anything.
const FRESH_TRAINEE = "sakura.mori@example.jp";
const SLUG = "person-centred-assessment";

interface Fm {
  title: { ja: string };
  pillar: string;
  sections: { id: string; title: { ja: string } }[];
  check: { questions: { id: string; choices: { id: string }[]; correct: string[] }[] };
}
const source = readFileSync(join(import.meta.dirname, `../../content/modules/individual/${SLUG}.mdx`), "utf8");
const fm = parse(source.split(/^---$/m)[1]) as Fm;

async function pillarCell(page: Page) {
  // The table sits behind 「表で見る」 (closed): its text is read without opening it.
  return (await page.locator("#pillar-table tr", { hasText: "個別支援" }).locator("td").first().textContent()) ?? "";
}

async function answer(page: Page, right: boolean) {
  for (const q of fm.check.questions) {
    const wanted = right ? q.correct : [q.choices.find((c) => !q.correct.includes(c.id))!.id];
    for (const id of wanted) await page.locator(`input[name="q.${q.id}"][value="${id}"]`).check();
  }
  await page.getByRole("button", { name: /解答を送信する|もう一度解答する/ }).click();
}

test("a trainee studies a module, resumes where they left off, fails the check once, then passes it", async ({ page }) => {
  await login(page, FRESH_TRAINEE);
  await page.goto("/");
  const before = await pillarCell(page);
  expect(before).toMatch(/^0 \/ \d+$/);
  await expect(page.locator('.chart[data-chart="pillars"] svg').first()).toBeVisible();

  await page.goto("/training");
  await page.getByRole("link", { name: fm.title.ja }).click();
  await expect(page.getByRole("heading", { level: 2, name: fm.sections[0].title.ja })).toBeVisible();
  await expectAccessible(page);
  // Keyboard: focus the next-section button and press Enter.
  await page.getByRole("button", { name: "次のセクション" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`section=${fm.sections[1].id}`));
  await expect(page.getByRole("heading", { level: 2, name: fm.sections[1].title.ja })).toBeFocused();

  // Leave, come back (no ?section=): the same place.
  await page.goto("/");
  await page.goto(`/training/modules/${SLUG}`);
  await expect(page.getByRole("heading", { level: 2, name: fm.sections[1].title.ja })).toBeVisible();
  await expect(page.getByText("前回の続きから表示しています。")).toBeVisible();

  for (let i = 2; i < fm.sections.length; i++) {
    await page.getByRole("button", { name: "次のセクション" }).click();
    await expect(page.getByRole("heading", { level: 2, name: fm.sections[i].title.ja })).toBeVisible();
  }
  await page.getByRole("button", { name: "確認テストへ進む" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "確認テスト" })).toBeVisible();
  await expect(page.locator("fieldset legend").first()).toBeVisible();
  await expectAccessible(page);

  await answer(page, false);
  await expect(page.getByRole("alert").filter({ hasText: "不合格です" })).toBeVisible();
  await expect(page.locator(".feedback-ng").first()).toBeVisible();
  await expectAccessible(page);

  await answer(page, true);
  await expect(page.getByRole("alert").filter({ hasText: "合格です" })).toBeVisible();
  await expect(page.getByText("このモジュールを修了しました")).toBeVisible();

  await page.goto("/");
  const after = await pillarCell(page);
  expect(Number(after.split("/")[0])).toBe(Number(before.split("/")[0]) + 1);
  await page.goto("/training");
  await expect(page.locator(".module-card", { hasText: fm.title.ja }).getByText("修了")).toBeVisible();
});

test("the committee imports a CSV of emails and sees the bad row refused with its reason", async ({ page }) => {
  await login(page, "committee");
  const nextYear = new Date().getFullYear() + (new Date().getMonth() >= 3 ? 1 : 0);
  await page.goto(`/committee/curriculum?year=${nextYear}`);
  await expectAccessible(page);
  await page.locator("#import-file").setInputFiles({
    name: "trainees.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("email\ntrainee@example.jp\nno-such-person@example.jp\n", "utf8"),
  });
  await page.getByRole("button", { name: "読み込んで登録する" }).click();
  const report = page.locator("table.import-report");
  await expect(report).toBeVisible();
  await expect(report.locator("tr", { hasText: "trainee@example.jp" })).toContainText("登録済み: 登録しました");
  await expect(report.locator("tr", { hasText: "no-such-person@example.jp" })).toContainText(
    "登録せず: このメールアドレスの利用者はいません",
  );
  await expect(page.getByText("1件を登録し、1件は登録しませんでした。")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/committee/progress?year=${nextYear - 1}`);
  await expectAccessible(page);
  const csv = await page.request.get(`/committee/progress.csv?year=${nextYear - 1}`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8")).toContain("佐藤 はるか");
});
