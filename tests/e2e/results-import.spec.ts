// Past years' results through the real upload form (issue 11): a Shift_JIS long table with an office the
// user resolves, then twelve years of one office as an XLSX (in English), and the office's results page
// showing those years. Axe on every new page state; screenshots at 1280 and 390 in both languages.
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { now, setClock } from "../../app/lib/clock";
import { fiscalYearOf } from "../../app/lib/fiscal-year";
import { shiftJis } from "../integration/import-fixtures";
import { eraYear, longTableCsv, ratingOf, twelveYearWorkbook } from "../integration/results-fixtures";
import { expectAccessible, login } from "./helpers";

test.describe.configure({ timeout: 240_000, mode: "serial" });

setClock(process.env.TSUNAGU_NOW || null);
// Twelve past years that end before the demo data's years (the current fiscal year and the two before it).
const LAST = fiscalYearOf(now()) - 3;
const FIRST = LAST - 11;
const CODES = Papa.parse<Record<string, string>>(readFileSync("content/checklists/v1.csv", "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data.map((r) => r.code);

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/results-import-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function inLanguage(page: Page, lang: "ja" | "en") {
  if ((await page.locator("html").getAttribute("lang")) !== lang) {
    await page.locator(".lang-switch button").click();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
  }
}

test("a Shift_JIS long table: columns proposed, an unmatched office resolved, previewed and saved", async ({ page }) => {
  await login(page, "subcommittee");
  await page.goto("/subcommittee/evaluations");
  await inLanguage(page, "ja");
  await page.getByRole("link", { name: "過去の年度の結果を取り込む" }).click();
  await expect(page.getByRole("heading", { name: "過去の結果の取り込み" })).toBeVisible();
  await expectAccessible(page);
  const rows = [];
  for (const [office, written] of [
    ["keyaki", "障害者相談支援事業所　けやき"],
    ["keyaki2", "けやき"],
  ] as const)
    for (const fy of office === "keyaki" ? [FIRST] : [FIRST + 1])
      for (const [i, code] of CODES.entries())
        rows.push({
          office: written,
          year: eraYear(fy),
          item: code,
          text: "",
          rating: String(ratingOf(5, fy, i)),
          comment: i === 0 ? "会議で共有" : "",
        });
  await page.getByLabel("ファイル（XLSX または CSV、複数選べます）").setInputFiles({
    name: "過去の結果.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(shiftJis(longTableCsv(rows))),
  });
  await page.getByRole("button", { name: "読み込んで列を確認する" }).click();
  await expect(page.getByRole("heading", { name: "列の意味の確認" })).toBeVisible();
  await expect(page.getByText("過去の結果.csv（Shift_JIS (CP932)）")).toBeVisible();
  await expect(page.getByLabel("A 事業所名 列の意味")).toHaveValue("office");
  await expect(page.getByLabel("B 年度 列の意味")).toHaveValue("year");
  await expect(page.getByLabel("E 評価 列の意味")).toHaveValue("rating");
  // "けやき" alone matches no office: listed, refused until chosen.
  await expect(page.getByRole("heading", { name: "事業所の確認" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("事業所「けやき」が見つかりません");
  await expect(page.getByRole("button", { name: /シートを取り込む/ })).toHaveCount(0);
  await expectAccessible(page);
  await shoot(page, "review-ja");
  await page.getByLabel("「けやき」にあたる事業所").selectOption({ label: "障害者相談支援事業所 けやき（青葉区 · 0410100008）" });
  await page.getByRole("button", { name: "この対応で確認し直す" }).click();
  await expect(page.getByRole("heading", { name: "取り込まれる内容" })).toBeVisible();
  await expect(page.getByText(`1 事業所・2 シート・${CODES.length * 2} 件の評価`)).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "preview-ja");
  await page.getByRole("button", { name: "2 シートを取り込む" }).click();
  await expect(page.getByRole("status")).toContainText("取り込みました");
});

test("twelve years of one office as an XLSX, in English, and the office's results page shows them", async ({ page }) => {
  await login(page, "subcommittee");
  await page.goto("/subcommittee/results-import");
  await inLanguage(page, "en");
  try {
    await page.getByLabel("Files (XLSX or CSV; several may be chosen)").setInputFiles({
      name: "あおばの杜_12年分.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await twelveYearWorkbook("相談支援センター　あおばの杜", FIRST, CODES)),
    });
    await page.getByRole("button", { name: "Read the file and check the columns" }).click();
    await expect(page.getByRole("heading", { name: "What will be imported" })).toBeVisible();
    await expect(page.getByText(`1 offices, 12 sheets, ${CODES.length * 12} ratings`)).toBeVisible();
    await expectAccessible(page);
    await shoot(page, "preview-en");
    await page.getByRole("button", { name: "Import 12 sheets" }).click();
    await expect(page.getByRole("status")).toContainText("Imported:");
    await expectAccessible(page);

    // The office's last imported year: marked imported, not returnable, with its eleven earlier years.
    await page.goto(`/subcommittee/evaluations?year=${LAST}`);
    await page.getByRole("link", { name: "相談支援センター あおばの杜" }).click();
    await expect(page.getByText("This sheet was imported from past years' results and is read-only.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Return to the office" })).toHaveCount(0);
    // The results' tables are behind "Show the table" under their charts (issue 14): open them.
    for (const summary of await page.locator("details > summary", { hasText: "Show the table" }).all()) await summary.click();
    for (const fy of [FIRST, FIRST + 5, LAST - 1])
      await expect(page.getByRole("columnheader", { name: new RegExp(`FY${fy}`) }).first()).toBeVisible();
    await expectAccessible(page);
    await shoot(page, "office-en");
  } finally {
    await inLanguage(page, "ja");
  }
});
