import { expect, test } from "@playwright/test";
import { ACCOUNTS, login, logout, type AccountName } from "./helpers";

for (const who of Object.keys(ACCOUNTS) as AccountName[]) {
  test(`${who} signs in and out`, async ({ page }) => {
    await login(page, who);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("こんにちは");
    await logout(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2F/);
  });
}

test("a wrong password gets a clear message and keeps the email typed", async ({ page }) => {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill("manager@example.jp");
  await page.locator('input[name="password"]').fill("not-the-password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("alert")).toContainText("メールアドレスまたはパスワードが違います");
  await expect(page.locator('input[name="email"]')).toHaveValue("manager@example.jp");
  // The message takes focus, and both fields say they were refused (issue 14).
  await expect(page.locator("#login-error")).toBeFocused();
  await expect(page.locator('input[name="password"]')).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator('input[name="email"]')).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator('input[name="password"]')).toHaveAttribute("aria-describedby", "login-error");
});

test("signing in from a deep link comes back to it", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
  await page.locator('input[name="email"]').fill(ACCOUNTS.trainee);
  await page.locator('input[name="password"]').fill("tsunagu-demo-2024");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("the language switch changes the page, <html lang> and is kept for the account", async ({ page, context }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await login(page, "committee", undefined, { keepLanguage: true });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  // The choice is stored on the account: a new browser with no cookie still gets Japanese… and
  // switching to English there follows the account to the next sign-in.
  await page.getByRole("button", { name: "English" }).click();
  await logout(page);
  await context.clearCookies();
  await login(page, "committee", undefined, { keepLanguage: true });
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});

test("a trainee is refused an admin page with a 403 page in Japanese", async ({ page }) => {
  await login(page, "trainee");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("このページを見る権限がありません");
  await expect(page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "利用者管理" })).toHaveCount(0);
});

test("an unknown page answers 404 in the user's language", async ({ page }) => {
  const response = await page.goto("/this/does/not/exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
});

test("an administrator invites a user, who sets a password from the mailed link and signs in", async ({ page, browser }) => {
  await login(page, "admin");
  await page.goto("/admin/users/new");
  // Bad input first: nothing chosen, a malformed email.
  await page.getByLabel("メールアドレス").fill("not-an-email");
  await page.getByLabel("氏名").fill("山田 花子");
  await page.getByRole("button", { name: "追加して招待メールを送る" }).click();
  await expect(page.getByText("メールアドレスの形式で入力してください")).toBeVisible();
  await expect(page.getByText("役割を1つ以上選んでください。")).toBeVisible();
  await expect(page.getByLabel("氏名")).toHaveValue("山田 花子");

  await page.getByLabel("メールアドレス").fill("Hanako.Yamada@Example.JP");
  await page.getByRole("checkbox", { name: "受講者" }).check();
  await page.getByRole("button", { name: "追加して招待メールを送る" }).click();
  await expect(page.getByRole("status")).toContainText("招待メールを送りました");

  // The same address again, in another case, is refused.
  await page.goto("/admin/users/new");
  await page.getByLabel("メールアドレス").fill("hanako.yamada@example.jp");
  await page.getByLabel("氏名").fill("別人");
  await page.getByRole("checkbox", { name: "受講者" }).check();
  await page.getByRole("button", { name: "追加して招待メールを送る" }).click();
  await expect(page.getByText("このメールアドレスはすでに登録されています。")).toBeVisible();

  await page.goto("/admin/outbox");
  const mail = page.locator(".outbox-message").filter({ hasText: "hanako.yamada@example.jp" }).first();
  const body = await mail.locator(".mail-body").innerText();
  const link = body.match(/http\S+\/invite\/[a-z2-7]+/)?.[0];
  expect(link).toBeTruthy();

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link!);
  await invitee.getByLabel("新しいパスワード", { exact: true }).fill("short");
  await invitee.getByLabel("新しいパスワード（確認）").fill("short");
  await invitee.getByRole("button", { name: "パスワードを設定してログイン" }).click();
  await expect(invitee.getByText("10文字以上で入力してください。").first()).toBeVisible();
  await invitee.getByLabel("新しいパスワード", { exact: true }).fill("hanako-password-1");
  await invitee.getByLabel("新しいパスワード（確認）").fill("hanako-password-1");
  await invitee.getByRole("button", { name: "パスワードを設定してログイン" }).click();
  await expect(invitee.getByRole("heading", { level: 1 })).toContainText("山田 花子");
  await logout(invitee);
  await login(invitee, "hanako.yamada@example.jp", "hanako-password-1");
  // The link is spent.
  await invitee.goto(link!);
  await expect(invitee.getByText("このリンクは使用済みか、有効期限が切れています。")).toBeVisible();
  await context.close();

  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "user.acceptInvitation" }).first()).toBeVisible();
});

test("deactivating a user ends their session at once", async ({ page, browser }) => {
  const context = await browser.newContext();
  const victim = await context.newPage();
  await login(victim, "hanako.yamada@example.jp", "hanako-password-1");

  await login(page, "admin");
  await page.goto("/admin/users?q=hanako");
  await page.getByRole("link", { name: "山田 花子" }).click();
  await page.getByRole("button", { name: "利用を停止する" }).click();
  await expect(page.getByRole("status")).toContainText("利用を停止しました");

  await victim.goto("/account");
  await expect(victim).toHaveURL(/\/login/);
  await context.close();
});

test("a user changes their password; a wrong current password is refused", async ({ page }) => {
  await login(page, "subcommittee");
  await page.goto("/account");
  await page.getByLabel("現在のパスワード").fill("wrong-password");
  await page.getByLabel("新しいパスワード", { exact: true }).fill("new-password-123");
  await page.getByLabel("新しいパスワード（確認）").fill("new-password-123");
  await page.getByRole("button", { name: "パスワードを変更する" }).click();
  await expect(page.getByText("現在のパスワードが違います。")).toBeVisible();
  await page.getByLabel("現在のパスワード").fill("tsunagu-demo-2024");
  await page.getByLabel("新しいパスワード", { exact: true }).fill("new-password-123");
  await page.getByLabel("新しいパスワード（確認）").fill("new-password-123");
  await page.getByRole("button", { name: "パスワードを変更する" }).click();
  await expect(page.getByRole("status")).toContainText("パスワードを変更しました");
  // Put it back so other tests can use the demo password.
  await page.getByLabel("現在のパスワード").fill("new-password-123");
  await page.getByLabel("新しいパスワード", { exact: true }).fill("tsunagu-demo-2024");
  await page.getByLabel("新しいパスワード（確認）").fill("tsunagu-demo-2024");
  await page.getByRole("button", { name: "パスワードを変更する" }).click();
  await expect(page.getByRole("status")).toContainText("パスワードを変更しました");
});

test("health check answers JSON", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
});
