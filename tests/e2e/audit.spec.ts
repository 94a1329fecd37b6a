// The audit log as an administrator uses it (issue 16; issue 19's breach-report questions): filter, read the
// actions in words, download the filtered entries; axe on each state, at desktop and phone width.
import { expect, test } from "@playwright/test";
import { expectAccessible, login } from "./helpers";

test("an administrator filters the audit log to sign-ins, reads them in words and downloads them as CSV", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "監査ログ" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("操作の種類").selectOption("auth");
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/action=auth/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("サインイン");
  for (const text of await rows.locator("td:nth-child(3) code").allTextContents()) expect(text.startsWith("auth.")).toBe(true);
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "この条件で CSV を出力" }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of file) chunks.push(c as Buffer);
  const csv = Buffer.concat(chunks);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString("utf8")).toContain("auth.signIn");

  // A date that is not a day: said next to its field, the rest of the filter still applies.
  await page.goto("/admin/audit?action=auth&from=2025-02-30");
  await expect(page.getByText("日付を YYYY-MM-DD の形で入力してください")).toBeVisible();
  await expect(page.getByLabel("この日から")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/audit?action=auth");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/audit-390.png", fullPage: false });
});
