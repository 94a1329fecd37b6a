// Issue 19: a city staff member signs in through single sign-on in the browser, against a real OpenID provider
// (`oidc-provider` with its own login and consent pages) started here, and a production server of its own (a child
// process) configured with the provider and a claim-to-role mapping. A person whose claims give no role is refused
// on the sign-in page with a message, in both languages.
import { expect, test } from "@playwright/test";
import { createServer, type Server } from "node:http";
import { rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import Provider from "oidc-provider";
import { freePort, ROOT, startServer, stopServer, waitReady, type ChildServer } from "./child-server";
import { expectAccessible } from "./helpers";

const DATA = ".data/e2e-sso";
/** The provider's people: login name → claims. */
const PEOPLE: Record<string, { email: string; groups: string[] }> = {
  "kikaku-staff": { email: "committee@example.jp", groups: ["all-staff", "kikaku"] },
  outsider: { email: "outsider@city.example.jp", groups: ["all-staff"] },
};

test.describe.configure({ mode: "serial" });
// Two servers and a provider on a shared machine: the steps are few but each page may be slow to come.
test.setTimeout(180_000);

let server: ChildServer;
let provider: Server;
let origin: string;

test.beforeAll(async () => {
  test.setTimeout(540_000);
  const port = await freePort();
  origin = `http://localhost:${port}`;
  provider = createServer();
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  const issuer = `http://localhost:${(provider.address() as AddressInfo).port}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: "tsunagu",
        client_secret: "tsunagu-e2e-secret",
        redirect_uris: [`${origin}/login/sso/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    cookies: { keys: ["sso-e2e-cookie-key"] },
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: false,
    // The provider's own development login and consent pages: any password, the login name is the person.
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, sub) => {
      const person = PEOPLE[sub];
      return person
        ? { accountId: sub, claims: () => ({ sub, email: person.email, email_verified: true, name: sub, groups: person.groups }) }
        : undefined;
    },
  });
  provider.on("request", oidc.callback());
  rmSync(join(ROOT, DATA), { recursive: true, force: true });
  server = startServer({
    port,
    pgPort: await freePort(),
    data: DATA,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: "tsunagu",
      OIDC_CLIENT_SECRET: "tsunagu-e2e-secret",
      OIDC_ROLE_MAP: "kikaku=PLANNING_COMMITTEE",
    },
  });
  await waitReady(server, 480_000);
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  await new Promise((resolve) => provider?.close(resolve));
  rmSync(join(ROOT, DATA), { recursive: true, force: true });
});

async function throughProvider(page: import("@playwright/test").Page, login: string) {
  await page.goto(`${origin}/login`);
  await page.getByRole("button", { name: "市のアカウントでサインイン" }).click();
  // The provider's own login page, then its consent page.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

test("a city staff member signs in through the city's provider and gets the mapped role", async ({ page }) => {
  await throughProvider(page, "kikaku-staff");
  await expect(page).toHaveURL(new RegExp(`^${origin}/`));
  await expect(page).not.toHaveURL(/\/login/);
  // Signed in as the planning committee's demo member: the privacy notice (if not yet acknowledged), then home.
  if (/\/privacy/.test(page.url())) await page.locator('form[method="post"] button[type="submit"]').last().click();
  await page.goto(`${origin}/committee/sessions`);
  await expect(page).toHaveURL(`${origin}/committee/sessions`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("研修日程の管理");
});

test("a person whose claims give no role is refused with a message, in Japanese and English", async ({ page }) => {
  await throughProvider(page, "outsider");
  await expect(page).toHaveURL(`${origin}/login?sso=norole`);
  await expect(page.getByRole("alert")).toContainText("役割");
  await expectAccessible(page);
  await page.context().addCookies([{ name: "tsunagu_lang", value: "en", url: origin }]);
  await page.goto(`${origin}/login?sso=norole`);
  await expect(page.getByRole("alert")).toContainText("no role in Tsunagu");
  await expectAccessible(page);
});
