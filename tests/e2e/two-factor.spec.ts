import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, logout } from "./helpers";

// Long journeys (an administrator invites, the new user signs in several times) on a shared, loaded machine.
test.describe.configure({ timeout: 180_000 });

// Codes are computed here with the same library the server uses (RFC 6238: 30-second steps, 6 digits).
// A code is accepted for the current step or one either side and never twice, so each sign-in below
// uses a later step than the one before.
const step = () => Math.floor(Date.now() / 1000 / 30);
const totp = (secret: Uint8Array, offset = 0) => generateHOTP(secret, BigInt(step() + offset), 6);

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form[method="post"] button[type="submit"]').last().click();
  await expect(page).toHaveURL(/\/login\/two-factor$/);
}

/** An administrator adds a user with one role and returns the invitation link from the outbox. */
async function invite(page: Page, email: string, name: string, role: string): Promise<string> {
  await login(page, "admin");
  await page.goto("/admin/users/new");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("氏名").fill(name);
  await page.getByRole("checkbox", { name: role }).check();
  await page.getByRole("button", { name: "追加して招待メールを送る" }).click();
  await expect(page.getByRole("status")).toContainText("招待メールを送りました");
  await page.goto("/admin/outbox");
  const body = await page.locator(".outbox-message").filter({ hasText: email }).first().locator(".mail-body").innerText();
  const link = body.match(/http\S+\/invite\/[a-z2-7]+/)![0];
  await logout(page);
  return link;
}

test("a subcommittee member must set up an authenticator app, then signs in with its codes or a recovery code", async ({
  page,
  browser,
}) => {
  const email = "totp.member@example.jp";
  const password = "totp-member-password-1";
  const link = await invite(page, email, "二要素 太郎", "評価・研修部会委員");

  const context = await browser.newContext();
  const member = await context.newPage();
  await member.goto(link);
  await member.getByLabel("新しいパスワード", { exact: true }).fill(password);
  await member.getByLabel("新しいパスワード（確認）").fill(password);
  await member.getByRole("button", { name: "パスワードを設定してログイン" }).click();
  // Required for the role: sent to set up a factor, and kept there.
  await expect(member).toHaveURL(/\/account\/security\?required=1$/);
  await expect(member.getByRole("alert")).toContainText("2段階認証が必要です");
  await member.goto("/subcommittee");
  await expect(member).toHaveURL(/\/account\/security\?required=1$/);

  await member.getByRole("button", { name: "認証アプリを設定する" }).click();
  await expect(member.getByRole("img", { name: "認証アプリに登録するための QR コード" })).toBeVisible();
  await expectAccessible(member);
  const secret = decodeBase32IgnorePadding((await member.locator(".totp-secret").innerText()).trim());
  await member.getByLabel("確認コード（6桁）").fill(totp(secret) === "000000" ? "111111" : "000000");
  await member.getByRole("button", { name: "コードを確認して設定を完了する" }).click();
  await expect(member.getByText("コードが正しくないか、有効期限が切れています。").first()).toBeVisible();
  await member.getByLabel("確認コード（6桁）").fill(totp(secret));
  await member.getByRole("button", { name: "コードを確認して設定を完了する" }).click();
  const codes = member.locator(".recovery-codes li");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().innerText()).trim();
  await expect(member.getByText(/認証アプリを .* から使っています/)).toBeVisible();
  await expectAccessible(member);
  await member.goto("/subcommittee");
  await expect(member).toHaveURL(/\/subcommittee$/);
  await logout(member);

  // The password alone is not enough; the app's code signs in (after the privacy notice, shown once).
  await passwordStep(member, email, password);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("確認コードの入力");
  await expectAccessible(member);
  await member.getByLabel("確認コード（6桁）").fill(totp(secret, 1));
  await member.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(member).toHaveURL(/\/privacy\?next=%2F$/);
  await member.getByRole("button", { name: "内容を確認しました" }).click();
  await expect(member).toHaveURL(/\/$/);
  await logout(member);

  // A recovery code works once.
  await passwordStep(member, email, password);
  await member.getByText("認証アプリが使えない場合（リカバリーコード）").click();
  await member.getByLabel("リカバリーコード").fill(recovery);
  await member.getByRole("button", { name: "リカバリーコードでログイン" }).click();
  await expect(member).toHaveURL(/\/$/);
  await member.goto("/account/security");
  await expect(member.getByText("未使用のリカバリーコード：9個")).toBeVisible();
  await logout(member);
  await passwordStep(member, email, password);
  await member.getByText("認証アプリが使えない場合（リカバリーコード）").click();
  await member.getByLabel("リカバリーコード").fill(recovery);
  await member.getByRole("button", { name: "リカバリーコードでログイン" }).click();
  await expect(member.getByText("コードが正しくないか、有効期限が切れています。").first()).toBeVisible();
  await context.close();

  // Setting up is in the audit log.
  await login(page, "admin");
  await page.goto("/admin/audit");
  await expect(page.getByText("twoFactor.totp.enable").first()).toBeVisible();
});

test("a trainee registers a passkey with the browser's authenticator and signs in with it", async ({ page, browser }) => {
  const email = "passkey.trainee@example.jp";
  const password = "passkey-trainee-password-1";
  const link = await invite(page, email, "鍵 花子", "受講者");
  const context = await browser.newContext();
  const user = await context.newPage();
  // Chromium's virtual authenticator (DevTools protocol): a platform authenticator that always consents.
  const cdp = await context.newCDPSession(user);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await user.goto(link);
  await user.getByLabel("新しいパスワード", { exact: true }).fill(password);
  await user.getByLabel("新しいパスワード（確認）").fill(password);
  await user.getByRole("button", { name: "パスワードを設定してログイン" }).click();
  await expect(user.getByRole("heading", { level: 1 })).toContainText("鍵 花子");
  await user.goto("/account");
  await user.getByRole("link", { name: "2段階認証の設定" }).click();
  await expect(user.getByText("パスキーは登録されていません。")).toBeVisible();
  await user.getByLabel("パスキーの名前（任意）").fill("テスト端末");
  await user.getByRole("button", { name: "パスキーを登録する" }).click();
  await expect(user.getByText("パスキーを登録しました。")).toBeVisible();
  // The first factor brings recovery codes.
  await expect(user.locator(".recovery-codes li")).toHaveCount(10);
  await expect(user.getByText("テスト端末", { exact: true })).toBeVisible();
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  await expectAccessible(user);
  await logout(user);

  await passwordStep(user, email, password);
  await expect(user.getByText("登録したパスキーで確認してください")).toBeVisible();
  await expectAccessible(user);
  await user.getByRole("button", { name: "パスキーで確認する" }).click();
  await expect(user).toHaveURL(/\/privacy\?next=%2F$/);
  await user.getByRole("button", { name: "内容を確認しました" }).click();
  await expect(user).toHaveURL(/\/$/);
  await user.goto("/account/security");
  await expect(user.getByText(/最終使用/)).toBeVisible();

  await context.close();
});

test("the security page reads at desktop and phone widths in both languages", async ({ page }, testInfo) => {
  await login(page, "trainee");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const lang of ["ja", "en"]) {
      await page.goto("/account/security");
      if ((await page.locator("html").getAttribute("lang")) !== lang) await page.locator(".lang-switch button").click();
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`security-${width}-${lang}.png`), fullPage: true });
    }
  }
  await page.locator(".lang-switch button").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});
