import { expect, test } from "@playwright/test";
import { expectAccessible, login } from "./helpers";

// Issue 14: the planning committee takes attendance at the venue on a phone. At 390×844 the roster is a list of
// cards: a trainee is checked in without scrolling sideways, and the button is a 44 px tap target.
test.use({ viewport: { width: 390, height: 844 } });

test("at 390×844 the committee checks a trainee in on the roster, the button inside the viewport", async ({ page }) => {
  await login(page, "committee");
  await page.goto("/committee/sessions");
  // The first session whose roster has a day open for check-in (a demo session held already).
  const links = await page.locator('table a[href^="/committee/sessions/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  let found = false;
  for (const href of links) {
    await page.goto(href);
    if ((await page.getByRole("button", { name: /^出席にする: / }).count()) > 0) {
      found = true;
      break;
    }
  }
  expect(found, "a demo session with a roster open for check-in").toBe(true);
  const button = page.getByRole("button", { name: /^出席にする: / }).first();
  const label = (await button.getAttribute("aria-label"))!;
  const who = label.replace(/^出席にする: /, "");
  await button.scrollIntoViewIfNeeded();
  const box = (await button.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.height).toBeGreaterThanOrEqual(44);
  // No sideways scrolling of the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  // A trainee marked as a no-show is checked in once that mark is cleared (the demo's unattended trainee is one).
  const wasNoShow = page.getByRole("button", { name: `無断欠席を取り消す: ${who.replace(/ \d+$/, "")}` });
  const noShow = (await wasNoShow.count()) > 0;
  if (noShow) {
    await wasNoShow.click();
    // The roster is read again after the mark is cleared: click check-in only once that answer has been drawn.
    await expect(page.getByRole("button", { name: `無断欠席にする: ${who.replace(/ \d+$/, "")}` })).toBeVisible();
  }
  await page.getByRole("button", { name: label }).click();
  const undo = page.getByRole("button", { name: `出席を取り消す: ${who}` });
  await expect(undo).toBeVisible();
  const undoBox = (await undo.boundingBox())!;
  expect(undoBox.x + undoBox.width).toBeLessThanOrEqual(viewport.width);
  expect(undoBox.height).toBeGreaterThanOrEqual(44);
  await expectAccessible(page);
  // Leave the roster as it was for the other specs.
  await undo.click();
  await expect(page.getByRole("button", { name: label })).toBeVisible();
  if (noShow) await page.getByRole("button", { name: `無断欠席にする: ${who.replace(/ \d+$/, "")}` }).click();
});
