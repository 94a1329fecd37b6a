// The city's own checklist through the real upload form: a Shift_JIS CSV of the demo city's 73 items,
// and an XLSX with title rows and merged category cells. Screenshots at 1280 and 390 in both languages.
import { expect, test, type Page } from "@playwright/test";
import Encoding from "encoding-japanese";
import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { cityChecklistXlsx, shiftJis } from "../integration/import-fixtures";
import { expectAccessible, login } from "./helpers";

// Uploads, four screenshots and two axe scans: slow on a shared 2-core machine.
test.describe.configure({ timeout: 240_000 });

const fullWidth = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** The demo city's 73 items as the city keeps them: numbered 1–73 (full-width), category written once, Shift_JIS, CRLF. */
function city73Csv(): Uint8Array {
  const v1 = Papa.parse<Record<string, string>>(readFileSync("content/checklists/v1.csv", "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const lines = ["番号,区分,評価項目,着眼点"];
  let last = "";
  v1.forEach((r, i) => {
    const category = r.category_ja === last ? "" : r.category_ja;
    last = r.category_ja;
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    lines.push([fullWidth(i + 1), category, q(r.text_ja), q(r.guidance_ja)].join(","));
  });
  const text = lines.join("\r\n") + "\r\n";
  const bytes = shiftJis(text);
  // The fixture itself must be faithful: Shift_JIS back to the same text.
  expect(Encoding.convert(Array.from(bytes), { to: "UNICODE", from: "SJIS", type: "string" })).toBe(text);
  return bytes;
}

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/imports-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Another spec may leave the shared demo account in English (the language is kept per account): come back to Japanese. */
async function inJapanese(page: Page) {
  if ((await page.locator("html").getAttribute("lang")) === "en") {
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  }
}

test("the demo city's 73 items as a Shift_JIS CSV: mapped, previewed, matched to version 1 and saved", async ({ page }) => {
  await login(page, "subcommittee");
  await page.goto("/subcommittee/checklists");
  await inJapanese(page);
  await page
    .getByLabel("ファイル（XLSX または CSV）")
    .setInputFiles({ name: "自己評価チェックシート.csv", mimeType: "text/csv", buffer: Buffer.from(city73Csv()) });
  await page.getByRole("button", { name: "読み込んで列を確認する" }).click();
  await expect(page.getByRole("heading", { name: "列の意味の確認" })).toBeVisible();
  await expect(page.getByText("自己評価チェックシート.csv（Shift_JIS (CP932)）")).toBeVisible();
  await expect(page.getByLabel("A 番号 列の意味")).toHaveValue("label");
  await expect(page.getByLabel("B 区分 列の意味")).toHaveValue("category");
  await expect(page.getByLabel("C 評価項目 列の意味")).toHaveValue("textJa");
  await expect(page.getByLabel("D 着眼点 列の意味")).toHaveValue("guidanceJa");
  await expect(page.getByText("9 分野、73 項目")).toBeVisible();
  // Same texts as version 1: every item keeps its history.
  await expect(page.getByText("73 項目を前の版の項目と対応づけました")).toBeVisible();
  await expect(page.locator(".checklist-preview tbody tr").first()).toContainText("1");
  await expect(page.getByText("�")).toHaveCount(0);
  await expectAccessible(page);
  await shoot(page, "mapping-ja");
  await page.getByRole("button", { name: "この内容で下書きの版として保存する" }).click();
  await expect(page).toHaveURL(/\/subcommittee\/checklists\/\d+\?imported=1/);
  await expect(page.getByText(/第\d+版を下書きとして保存しました。/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "1 (OPS-01)" })).toBeVisible();
  // The pillar is set afterwards, for a whole category.
  await page.getByLabel("対象", { exact: true }).selectOption({ index: 0 });
  await page.getByLabel("研修の柱", { exact: true }).selectOption("hr");
  await page.getByRole("button", { name: "研修の柱を保存する" }).click();
  await expect(page.getByText(/項目の研修の柱を保存しました。/)).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "version-ja");

  // English.
  await page.goto("/subcommittee/checklists");
  await inJapanese(page);
  await page.locator(".lang-switch button").click();
  await page
    .getByLabel("File (XLSX or CSV)")
    .setInputFiles({ name: "checklist.csv", mimeType: "text/csv", buffer: Buffer.from(city73Csv()) });
  await page.getByRole("button", { name: "Read the file and check the columns" }).click();
  await expect(page.getByRole("heading", { name: "What each column means" })).toBeVisible();
  await shoot(page, "mapping-en");
  await page.goto("/subcommittee/checklists");
  await inJapanese(page);
  await page.locator(".lang-switch button").click();
  await expect(page.getByRole("heading", { name: "チェックシートの版管理" })).toBeVisible();
});

test("an XLSX with a cover sheet, title rows and merged category cells, through the upload form", async ({ page }) => {
  await login(page, "subcommittee");
  await page.goto("/subcommittee/checklists");
  await inJapanese(page);
  await page.getByLabel("ファイル（XLSX または CSV）").setInputFiles({
    name: "city.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await cityChecklistXlsx(6)),
  });
  await page.getByRole("button", { name: "読み込んで列を確認する" }).click();
  await expect(page.getByLabel("シート")).toHaveValue("1");
  await expect(page.getByLabel("見出しの行")).toHaveValue("4");
  await expect(page.getByText("2 分野、6 項目")).toBeVisible();
  const preview = page.locator(".checklist-preview tbody tr");
  await expect(preview.nth(1)).toContainText("1-2");
  await expect(preview.nth(1)).toContainText("運営体制");
  await expect(preview.nth(4)).toContainText("地域との連携");
  // The dropped items of the latest version are announced; saving waits for the acknowledgement.
  await expect(page.getByText(/この版にありません/)).toBeVisible();
  await page.getByRole("button", { name: "この内容で下書きの版として保存する" }).click();
  await expect(page.getByRole("alert")).toContainText("確認のチェックを入れてから保存してください");
  await page.getByLabel(/項目がなくなることを確認しました/).check();
  await page.getByRole("button", { name: "この内容で下書きの版として保存する" }).click();
  await expect(page).toHaveURL(/\/subcommittee\/checklists\/\d+\?imported=1/);
  await expect(page.getByRole("cell", { name: "項目1の文章。 二行目。" }).first()).toBeVisible();
});

test("a PDF gets a clear message", async ({ page }) => {
  await login(page, "subcommittee");
  await page.goto("/subcommittee/checklists");
  await inJapanese(page);
  await page
    .getByLabel("ファイル（XLSX または CSV）")
    .setInputFiles({ name: "list.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n") });
  await page.getByRole("button", { name: "読み込んで列を確認する" }).click();
  await expect(page.getByRole("alert")).toContainText("PDF は取り込めません");
});
