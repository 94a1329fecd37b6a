import { expect, test } from "@playwright/test";
import { expectAccessible, login } from "./helpers";

// Both languages, two widths and a sign-in on a shared, loaded machine.
test.setTimeout(180_000);

test("the accessibility statement is public, linked from every footer next to the privacy link, in both languages", async ({ page }) => {
  // Nobody signed in: from the sign-in page's footer.
  await page.goto("/login");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "個人情報の取扱い" })).toBeVisible();
  await footer.getByRole("link", { name: "アクセシビリティ方針" }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("アクセシビリティ方針");
  await expect(page.getByText(/JIS X 8341-3:2016/).first()).toBeVisible();
  for (const name of ["1. 方針", "2. 確認の方法", "3. 既知の制約", "4. 最終確認日", "5. 問題のご連絡"]) {
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  await expect(page.getByText(/最終確認日：\d{4}年/)).toBeVisible();
  await expect(page.getByText("窓口：")).toBeVisible();
  await expectAccessible(page);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/accessibility-ja-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.locator(".lang-switch button").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  await expect(page.getByRole("heading", { name: "3. Known limits" })).toBeVisible();
  await expect(page.getByText(/Last reviewed: /)).toBeVisible();
  await expectAccessible(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/accessibility-en-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator(".lang-switch button").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");

  // Signed in: the same link in the footer of an ordinary page.
  await login(page, "trainee");
  await page.goto("/notifications");
  await page.getByRole("contentinfo").getByRole("link", { name: "アクセシビリティ方針" }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("アクセシビリティ方針");
});
