import { expect, test, type Page } from "@playwright/test";
import { PERSONAL_PLAN, makePdf } from "../fixtures/case-files";
import { expectAccessible, login, logout } from "./helpers";

// Case work on the demo's practical session (id 3): 森 さくら is enrolled and has not started her case;
// the committee account is the session's facilitator.
const SESSION = 3;
const SAKURA = "sakura.mori@example.jp";

async function scanBothLanguages(page: Page, url: string, widths = [1280, 390]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${url} at ${width}px`).toBeLessThanOrEqual(0);
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible(page);
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  }
}

test.describe.configure({ mode: "serial" });
// The first scan waits for the analyzer; axe at two widths in two languages takes a while on a busy machine.
test.setTimeout(180_000);

test("a trainee drafts a case, the guard marks a name and a phone number, she replaces them and submits", async ({ page }) => {
  await login(page, SAKURA);
  await page.goto(`/sessions/${SESSION}`);
  await page.getByRole("link", { name: "自分の事例を書く・提出する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "事例の提出" })).toBeVisible();
  await expect(page.getByText(/事例の本文は研修最終日の 90 日後/)).toBeVisible();

  await page.getByLabel("年代").selectOption("30代");
  await page.getByLabel("障害種別").fill("精神障害");
  await page.getByLabel("生活状況").fill("〇〇区内のアパートで一人暮らし。");
  await page.getByLabel("アセスメント", { exact: true }).fill("山田さんは日中の居場所を探している。連絡は090-1234-5678にする。");
  await page.getByLabel("目標（長期・短期）").fill("週2回、日中活動の場に通う。");
  await page.getByLabel("福祉サービス等（種類・量・頻度）").fill("地域活動支援センター（週2回）。");
  await page.getByLabel("グループで検討したいこと").fill("本人のペースに合わせた通所の始め方。");

  // The guard answers after the draft is saved: both findings marked in place with suggestions.
  const findings = page.getByTestId("findings-assessment");
  // (The first scan may wait for the analyzer to be built: seconds on a busy machine.)
  await expect(findings.locator("mark")).toHaveCount(2, { timeout: 45_000 });
  await expect(findings.locator("mark").first()).toContainText("山田さん");
  await expect(findings.locator("mark").nth(1)).toContainText("090-1234-5678");
  await expect(page.getByTestId("findings-summary")).toContainText("2 件");

  // Submitting now is refused.
  await page.getByRole("button", { name: "提出する" }).click();
  await expect(page.getByRole("alert")).toContainText("まだ確認していない記述が 2 件");

  await findings.getByRole("button", { name: "「Aさん」に置き換える" }).click();
  await page.getByTestId("findings-assessment").getByRole("button", { name: "「（電話番号削除）」に置き換える" }).click();
  await expect(page.getByLabel("アセスメント", { exact: true })).toHaveValue(
    "Aさんは日中の居場所を探している。連絡は（電話番号削除）にする。",
  );
  await expect(page.getByTestId("findings-summary")).toHaveText("個人情報の可能性がある記述は見つかっていません。");
  await expect(page.getByTestId("save-state")).toHaveText("下書きを保存しました");
  // Both replacements, made faster than a save answers, reached the server (one save at a time, no conflict).
  await page.reload();
  await expect(page.getByLabel("アセスメント", { exact: true })).toHaveValue(
    "Aさんは日中の居場所を探している。連絡は（電話番号削除）にする。",
  );
  await expect(page.getByTestId("findings-summary")).toHaveText("個人情報の可能性がある記述は見つかっていません。");

  await page.getByRole("button", { name: "提出する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "提出しました（第1版）" })).toBeVisible();
  await expect(page.getByText("提出済み")).toBeVisible();
  await logout(page);
});

for (const url of [`/sessions/${SESSION}/case`, `/sessions/${SESSION}/cases`]) {
  for (const width of [1280, 390]) {
    test(`axe: ${url} at ${width}px, ja and en`, async ({ page }) => {
      await login(page, SAKURA);
      await scanBothLanguages(page, url, [width]);
    });
  }
}

test("the facilitator comments on a passage and rates the rubric; the trainee sees it", async ({ page }) => {
  await login(page, "committee");
  await page.goto(`/committee/sessions/${SESSION}`);
  await page.getByRole("link", { name: "事例課題・フィードバック" }).click();
  const card = page.locator("article").filter({ hasText: "森 さくら さんの事例" });
  await expect(card).toContainText("Aさんは日中の居場所を探している。");
  await card.getByLabel("項目").selectOption("assessment");
  await card.getByLabel("コメントする箇所（本文からそのまま引用）").fill("日中の居場所を探している");
  await card.getByLabel("コメント", { exact: true }).fill("本人が居心地よく感じた場所の経験も聞いてみましょう。");
  await card.getByRole("button", { name: "コメントを追加" }).click();
  await expect(page.getByRole("status").filter({ hasText: "コメントを追加しました" })).toBeVisible();

  const rated = page.locator("article").filter({ hasText: "森 さくら さんの事例" });
  for (const code of ["IND-1-1", "IND-1-2", "IND-2-1"]) {
    await rated
      .getByRole("group", { name: new RegExp(code) })
      .getByLabel(/3 到達している/)
      .check();
  }
  await rated.getByLabel("判定").selectOption("accepted");
  await rated.getByRole("button", { name: "評価を保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "評価を保存しました" })).toBeVisible();
  await logout(page);

  await login(page, SAKURA);
  await page.goto(`/sessions/${SESSION}/case`);
  const feedback = page.locator("section").filter({ has: page.getByRole("heading", { name: "ファシリテーターからのフィードバック" }) });
  await expect(feedback).toContainText("「日中の居場所を探している」について");
  await expect(feedback).toContainText("本人が居心地よく感じた場所の経験も聞いてみましょう。");
  await expect(feedback.getByRole("table")).toContainText("3 到達している");
  await expect(page.getByText("受理されました")).toBeVisible();
});

test("axe: the facilitators' page at phone width, ja and en (desktop: a11y.spec.ts)", async ({ page }) => {
  await login(page, "committee");
  await scanBothLanguages(page, `/committee/sessions/${SESSION}/cases`, [390]);
});

test("the rubric results download for the committee, without case texts", async ({ page }) => {
  await login(page, "committee");
  const response = await page.request.get(`/committee/sessions/${SESSION}/rubric.csv`);
  expect(response.status()).toBe(200);
  const body = await response.text();
  expect(body).toContain("IND-1-1");
  expect(body).toContain("森 さくら");
  expect(body).not.toContain("日中の居場所");
});

test("the trainee attaches files: a wrong type is refused, a PDF's phone number and name are flagged; the facilitator downloads it", async ({
  page,
}) => {
  await login(page, SAKURA);
  await page.goto(`/sessions/${SESSION}/case`);
  const files = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "添付ファイル" }) });
  await expect(files).toContainText("添付ファイルはありません。");

  // Named .pdf but not a PDF: refused by its content, the reason tied to the field.
  await files.getByLabel("添付するファイル（PDF または .docx）").setInputFiles({
    name: "plan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("これはPDFではありません"),
  });
  await files.getByRole("button", { name: "添付する", exact: true }).click();
  await expect(files.getByRole("alert")).toContainText("PDF または Word（.docx）のファイルを選んでください");
  await expect(files.getByLabel("添付するファイル（PDF または .docx）")).toHaveAttribute("aria-invalid", "true");

  // A real PDF with a name and a phone number: attached, and both flagged.
  await files.getByLabel("添付するファイル（PDF または .docx）").setInputFiles({
    name: "支援計画.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(await makePdf(PERSONAL_PLAN)),
  });
  await files.getByRole("button", { name: "添付する", exact: true }).click();
  await expect(files.getByRole("status")).toContainText("個人情報の可能性がある記述が", { timeout: 45_000 });
  const flagged = files.getByTestId("file-findings");
  await expect(flagged).toContainText("090-1234-5678");
  await expect(flagged).toContainText("山田太郎さん");
  await expect(files.getByRole("link", { name: "支援計画.pdf" })).toBeVisible();

  // axe on the page in this state, at both widths and in both languages; screenshots to look at.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/sessions/${SESSION}/case`);
    await files.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await files.screenshot({ path: `test-results/case-files-ja-${width}.png` });
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible(page);
    await page
      .locator("section")
      .filter({ has: page.getByRole("heading", { level: 2, name: "Attached files" }) })
      .screenshot({
        path: `test-results/case-files-en-${width}.png`,
      });
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Submitting is refused until each of the file's findings is confirmed; then the file goes out with the case.
  await page.getByRole("button", { name: "修正版を提出する" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "まだ確認していない記述が" })).toBeVisible();
  while ((await flagged.getByRole("button", { name: "個人情報ではない（確認して記録）" }).count()) > 0) {
    const before = await flagged.getByRole("button", { name: "個人情報ではない（確認して記録）" }).count();
    await flagged.getByRole("button", { name: "個人情報ではない（確認して記録）" }).first().click();
    await expect(flagged.getByRole("button", { name: "個人情報ではない（確認して記録）" })).toHaveCount(before - 1);
  }
  await page.getByRole("button", { name: "修正版を提出する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "提出しました（第2版）" })).toBeVisible();
  await logout(page);

  // The facilitator sees the file with the case and downloads it as an attachment.
  await login(page, "committee");
  await page.goto(`/committee/sessions/${SESSION}/cases`);
  const card = page.locator("article").filter({ hasText: "森 さくら さんの事例" });
  const link = card.getByRole("link", { name: /支援計画\.pdf/ });
  await expect(link).toBeVisible();
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await logout(page);
});
