import { expect, test, type Page } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { now, setClock } from "../../app/lib/clock";
import { fiscalYearOf } from "../../app/lib/fiscal-year";
import { expectAccessible } from "./helpers";

// Issue 14: the checklist in steps. A new office's manager fills every category by keyboard only
// (Tab into an item's rating group, an arrow to rate), moves on with 次へ, reviews the summary,
// is refused without the confirmation (the message takes focus and is in view) and then submits.
// Each run uses an office of its own, so the demo office's sheet (evaluation.spec.ts) is left as seeded.
setClock(process.env.TSUNAGU_NOW || null);
const CUR = fiscalYearOf(now());
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE = `http://localhost:${PORT}`;
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54330);
const ITEMS = 73;
const STEPS = 9;
test.describe.configure({ mode: "serial" });

let db: pg.Client;
test.beforeAll(async () => {
  db = new pg.Client({ connectionString: `postgresql://tsunagu:tsunagu@127.0.0.1:${PG_PORT}/tsunagu` });
  await db.connect();
});
test.afterAll(async () => {
  await db?.end();
});

/** A new office with its manager, signed in (the session row stands for a sign-in through the form). */
async function newManager(page: Page, locale: "ja" | "en") {
  const n = randomBytes(4).toString("hex");
  const { rows: ward } = await db.query(`SELECT id FROM "Ward" ORDER BY id LIMIT 1`);
  const { rows: office } = await db.query(
    `INSERT INTO "Office" (name, kind, "wardId", "updatedAt") VALUES ($1, 'SPECIFIED_CONSULTATION', $2, now()) RETURNING id`,
    [`段階入力テスト事業所 ${n}`, ward[0].id],
  );
  const { rows: user } = await db.query(
    `INSERT INTO "User" (email, "displayName", roles, "officeId", locale, "updatedAt") VALUES ($1, $2, '{OFFICE_MANAGER}', $3, $4, now()) RETURNING id`,
    [`steps-${n}@example.jp`, `段階 ${n}`, office[0].id, locale],
  );
  const sid = randomBytes(15).toString("hex");
  const secret = randomBytes(20).toString("hex");
  await db.query(`INSERT INTO "Session" (id, "secretHash", "userId") VALUES ($1, $2, $3)`, [
    sid,
    createHash("sha256").update(secret).digest(),
    user[0].id,
  ]);
  await page.context().addCookies([{ name: "tsunagu_session", value: `${sid}.${secret}`, url: BASE }]);
  return office[0].id as number;
}

async function expectInView(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  const view = page.viewportSize()!;
  expect(box, `${selector} is drawn`).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeLessThan(view.height);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + Math.min(box!.width, view.width)).toBeLessThanOrEqual(view.width);
}

const TEXT = {
  ja: {
    submit: "提出する",
    summary: "確認と提出",
    confirmError: "にチェックを入れてください",
    done: "提出しました。",
    missing: "未回答の項目が 1 件あります。",
  },
  en: {
    submit: "Submit",
    summary: "Review and submit",
    confirmError: "Before submitting, tick",
    done: "Submitted.",
    missing: "1 item is not answered yet.",
  },
} as const;

for (const run of [
  { width: 1280, height: 800, locale: "ja" as const },
  { width: 390, height: 844, locale: "en" as const },
]) {
  test(`keyboard only at ${run.width}×${run.height} (${run.locale}): every step, the summary, a refused and a done submit`, async ({
    page,
  }) => {
    test.setTimeout(900_000);
    const text = TEXT[run.locale];
    await page.setViewportSize({ width: run.width, height: run.height });
    const officeId = await newManager(page, run.locale);
    let presses = 0;
    const press = async (key: string) => {
      presses++;
      await page.keyboard.press(key);
    };

    await page.goto(`/evaluation/${CUR}`);
    await expect(page.locator("#step-title")).toContainText(`1`);
    // From the top of the first step: skip to the content, then Tab to the "ratings only" switch.
    await press("Tab");
    await press("Enter");
    await expect(page.locator("main")).toBeFocused();
    for (let i = 0; i < 40; i++) {
      await press("Tab");
      if (await page.locator("#compact-toggle").evaluate((el) => el === document.activeElement)) break;
    }
    await press("Space");
    await expect(page.locator("#compact-toggle")).toBeChecked();
    const firstStepOverhead = presses;

    let lastItem = "";
    for (let step = 1; step <= STEPS; step++) {
      const before = presses;
      if (step > 1) {
        // Next moved focus to the step's heading; the switch is still on.
        await expect(page.locator("#step-title")).toBeFocused();
        await expect(page.locator("#compact-toggle")).toBeChecked();
        await press("Tab");
      }
      // Axe on every step in one language; the other run checks the first step (the summary and errors in both).
      if (run.locale === "ja" || step === 1) await expectAccessible(page);
      const codes = await page.locator("fieldset.checklist-item").evaluateAll((sets) => sets.map((s) => s.id.replace("item-", "")));
      for (const code of codes) {
        await press("Tab");
        await expect(page.locator(`#${code}-r4`)).toBeFocused();
        // The last item of the last step is left open, to be found from the summary.
        if (step === STEPS && code === codes[codes.length - 1]) {
          lastItem = code;
          continue;
        }
        await press("ArrowDown");
        await expect(page.locator(`#${code}-r3`)).toBeChecked();
      }
      // The step's count in the sticky bar follows the answers.
      await expect(page.locator('.step-list a[aria-current="step"] .step-count')).toHaveText(
        step === STEPS ? `${codes.length - 1}/${codes.length}` : `${codes.length}/${codes.length}`,
      );
      await expect(page.locator(".save-status")).toContainText(step === STEPS ? codes[codes.length - 2] : codes[codes.length - 1]);
      await press("Tab");
      await expect(page.locator("button[name=goto]").first()).toBeFocused();
      await press("Enter");
      await expect(page.locator("#step-title")).toBeFocused();
      const overhead = presses - before - 2 * codes.length;
      expect(overhead, `step ${step}: presses beyond two per item`).toBeLessThanOrEqual(step === 1 ? 2 : 3);
    }
    expect(page.url()).toContain("step=summary");
    await expect(page.locator("#step-title")).toHaveText(text.summary);
    // The only live region for saving on the sheet: one for the page, none per item.
    await expect(page.locator('main [role="status"]')).toHaveCount(1);
    const missing = page.locator(".missing-summary");
    await expect(missing.getByRole("link")).toHaveCount(1);
    await expect(missing.getByRole("link")).toHaveAttribute("href", `/evaluation/${CUR}?step=${STEPS}#item-${lastItem}`);
    await expectAccessible(page);

    // Submit without ticking the confirmation: refused, and the message takes focus where the person is.
    const submit = page.getByRole("button", { name: text.submit, exact: true });
    for (let i = 0; i < 30 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await press("Tab");
    await press("Enter");
    await expect(page.locator(".feedback")).toBeFocused();
    await expect(page.locator(".feedback")).toContainText(text.confirmError);
    await expectInView(page, ".feedback");
    await expectAccessible(page);

    // Ticked, with one item still open: refused with that item named and linked; the message takes focus.
    for (let i = 0; i < 30 && !(await page.locator("#submit-confirm").evaluate((el) => el === document.activeElement)); i++)
      await press("Tab");
    await press("Space");
    await press("Tab");
    await expect(submit).toBeFocused();
    await press("Enter");
    await expect(page.locator(".feedback")).toBeFocused();
    await expect(page.locator(".feedback")).toContainText(text.missing);
    await expectInView(page, ".feedback");
    await expectAccessible(page);
    // The link in the message opens the item in its step; rate it there and come back.
    await press("Tab");
    await expect(page.locator(".feedback a").first()).toBeFocused();
    await press("Enter");
    await expect(page).toHaveURL(new RegExp(`step=${STEPS}#item-${lastItem}$`));
    await expect(page.locator(`#${lastItem}-r4`)).toBeFocused();
    await press("ArrowDown");
    await expect(page.locator(`#${lastItem}-r3`)).toBeChecked();
    await expect(page.locator('.step-list a[aria-current="step"] .step-count')).toHaveText(/^(\d+)\/\1$/);
    await press("Tab");
    await press("Enter");
    await expect(page.locator("#step-title")).toHaveText(text.summary);
    await expect(page.locator(".missing-summary")).toHaveCount(0);
    for (let i = 0; i < 30 && !(await page.locator("#submit-confirm").evaluate((el) => el === document.activeElement)); i++)
      await press("Tab");
    await press("Space");
    await press("Tab");
    await press("Enter");
    await expect(page.locator(".feedback")).toBeFocused();
    await expect(page.locator(".feedback")).toContainText(text.done);
    await expectInView(page, ".feedback");
    await expectAccessible(page);

    const { rows } = await db.query(`SELECT status FROM "Evaluation" WHERE "officeId" = $1 AND "fiscalYear" = $2`, [officeId, CUR]);
    expect(rows[0].status).toBe("SUBMITTED");
    // Two per item plus a few per step (and a few to reach the first switch and to submit).
    console.log(`${run.width}px: ${presses} key presses for ${ITEMS} items in ${STEPS} steps (first step's way in: ${firstStepOverhead})`);
    expect(presses).toBeLessThanOrEqual(2 * ITEMS + 4 * STEPS + firstStepOverhead + 45);
  });
}

test("the heaviest step is under 60 KB of HTML, and a step that does not exist is not a page", async ({ page }) => {
  await newManager(page, "ja");
  const sizes: number[] = [];
  for (const step of [...Array.from({ length: STEPS }, (_, i) => String(i + 1)), "summary"]) {
    const response = await page.request.get(`/evaluation/${CUR}?step=${step}`);
    expect(response.status()).toBe(200);
    sizes.push((await response.body()).length);
  }
  expect(Math.max(...sizes)).toBeLessThan(60 * 1024);
  expect((await page.request.get(`/evaluation/${CUR}?step=99`)).status()).toBe(404);
  expect((await page.request.get(`/evaluation/${CUR}?step=abc`)).status()).toBe(404);
});
